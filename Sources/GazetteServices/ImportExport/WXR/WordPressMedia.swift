import Foundation
import GazetteContent

/// `gazette import wxr --fetch-media DIR-or-URL`: the export's uploaded images copied into Gazette's media
/// library from a local copy of WordPress's `wp-content/uploads` folder, or from an address that serves
/// it (the old site, or a copy of it on this machine), and every address of them in featured images and
/// bodies changed to `/media/…`. An image not found there, or that is not an image the library accepts,
/// keeps its old address and is counted in the report.
package final class WordPressMedia: @unchecked Sendable {
    private let library: MediaLibrary
    private let uploads: Uploads
    /// The operator names the address that serves the uploads on the command line, so it may be on their own
    /// network; the export only supplies paths under it.
    private let fetcher = FeedFetcher(
        timeout: 30, maximumBytes: 10 * 1_048_576, userAgent: "Gazette importer", allowsPrivateAddresses: true)

    /// Where the uploads folder is: on disk, or behind an http(s) address.
    package enum Uploads: Sendable {
        case folder(URL)
        case web(String)
    }
    private let lock = NSLock()
    /// Old address → new one (nil: not copied), so each file is copied once.
    private var copied: [String: String?] = [:]
    package private(set) var report = Counts()

    package struct Counts: Sendable, Equatable {
        package var copied = 0
        package var missing = 0
        package var refused = 0
    }

    /// Addresses of uploaded files: anything under `/wp-content/uploads/`, up to a quote, space or bracket.
    private static let uploadAddress = try! NSRegularExpression(
        pattern: #"https?://[^"'\s<>()\[\]]+?/wp-content/uploads/[^"'\s<>()\[\]?#]+"#)

    package init(library: MediaLibrary, uploads: Uploads) {
        self.library = library
        self.uploads = uploads
    }

    /// The article with its uploaded images in the library and their addresses changed.
    package func localize(_ article: ValidArticle, alt: String) async -> ValidArticle {
        var article = article
        if let image = article.image, let local = await copy(image.url, alt: image.alt) {
            article.image?.url = local
        }
        guard ByteSearch.end(of: "/wp-content/uploads/", in: article.bodyHTML) != nil else { return article }
        let body = article.bodyHTML
        let addresses = Set(
            Self.uploadAddress.matches(in: body, range: NSRange(body.startIndex..., in: body)).compactMap {
                Range($0.range, in: body).map { String(body[$0]) }
            })
        for address in addresses.sorted(by: { $0.count > $1.count }) {
            guard let local = await copy(address, alt: alt) else { continue }
            article.bodyHTML = article.bodyHTML.replacingOccurrences(of: address, with: local)
            article.bodyMarkdown = article.bodyMarkdown.replacingOccurrences(of: address, with: local)
        }
        return article
    }

    /// The `/media/…` address of the file, copied once; nil when it is not in the folder or not accepted.
    private func copy(_ address: String, alt: String) async -> String? {
        if let known = lock.withLock({ copied[address] }) { return known }
        let result = await store(address, alt: alt)
        lock.withLock { copied[address] = result }
        return result
    }

    private func store(_ address: String, alt: String) async -> String? {
        guard let range = address.range(of: "/wp-content/uploads/") else { return nil }
        let relative =
            String(address[range.upperBound...]).removingPercentEncoding ?? String(address[range.upperBound...])
        // Only inside the folder: `..` in an address never reaches outside it.
        guard !relative.split(separator: "/").contains("..") else { return nil }
        guard let data = await read(relative) else {
            lock.withLock { report.missing += 1 }
            return nil
        }
        let file = URL(fileURLWithPath: relative)
        do {
            let item = try await library.upload(
                [UInt8](data), originalName: file.lastPathComponent,
                text: MediaText(alt: alt.isEmpty ? file.deletingPathExtension().lastPathComponent : alt),
                uploadedBy: nil)
            lock.withLock { report.copied += 1 }
            return "/media/" + item.path
        } catch {
            lock.withLock { report.refused += 1 }
            return nil
        }
    }

    /// The file at `relative` under the uploads folder; nil when it is not there.
    private func read(_ relative: String) async -> Data? {
        switch uploads {
        case .folder(let folder):
            return FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path)
        case .web(let base):
            let encoded = relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? relative
            guard let url = URL(string: (base.hasSuffix("/") ? base : base + "/") + encoded) else { return nil }
            return try? await fetcher.fetch(url)
        }
    }
}
