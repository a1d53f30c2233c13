import Foundation
import GazetteContent

/// `gazette import wxr --fetch-media DIR`: the export's uploaded images copied from a local copy of
/// WordPress's `wp-content/uploads` folder into Gazette's media library, and every address of them in
/// featured images and bodies changed to `/media/…`. An image not found in the folder, or that is not an
/// image the library accepts, keeps its old address and is counted in the report.
final class WordPressMedia: @unchecked Sendable {
    private let library: MediaLibrary
    private let uploads: URL
    private let lock = NSLock()
    /// Old address → new one (nil: not copied), so each file is copied once.
    private var copied: [String: String?] = [:]
    private(set) var report = Counts()

    struct Counts: Sendable, Equatable {
        var copied = 0
        var missing = 0
        var refused = 0
    }

    /// Addresses of uploaded files: anything under `/wp-content/uploads/`, up to a quote, space or bracket.
    private static let uploadAddress = try! NSRegularExpression(
        pattern: #"https?://[^"'\s<>()\[\]]+?/wp-content/uploads/[^"'\s<>()\[\]?#]+"#)

    init(library: MediaLibrary, uploads: URL) {
        self.library = library
        self.uploads = uploads
    }

    /// The article with its uploaded images in the library and their addresses changed.
    func localize(_ article: ValidArticle, alt: String) async -> ValidArticle {
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
        let file = uploads.appendingPathComponent(relative)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            lock.withLock { report.missing += 1 }
            return nil
        }
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
}
