import Foundation
import GazetteContent
import GazetteStorage

/// `gazette import markdown DIR`: every `.md` file with a YAML header becomes an article.
///
/// A file that cannot be imported is reported with its line and the problem, and the run goes on with the
/// others. Importing again updates articles with the same slug instead of adding copies.
public struct MarkdownImport: Sendable {
    private let articles: ArticleStore
    private let authors: AuthorStore
    private let publishing: PublishingService
    private let site: LiveSiteSettings
    private let clock: Clock
    /// How far the files' HTML is trusted: untrusted (plain article HTML, no embeds, never script) unless the
    /// operator vouches for the files (`--trust-html`), whatever the byline's role.
    package let htmlTrust: HTMLTrust

    public init(
        articles: ArticleStore, authors: AuthorStore, publishing: PublishingService, site: LiveSiteSettings,
        clock: Clock, htmlTrust: HTMLTrust = .untrusted
    ) {
        self.articles = articles
        self.authors = authors
        self.publishing = publishing
        self.site = site
        self.clock = clock
        self.htmlTrust = htmlTrust
    }

    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    public struct Report: Sendable {
        public var created: [String] = []
        public var updated: [String] = []
        public var problems: [Problem] = []
        public var total: Int { created.count + updated.count + problems.count }
    }

    /// Imports the folder's Markdown files in name order; `progress` hears of each file as it starts.
    public func run(
        folder: String, defaultAuthor: String? = nil,
        progress: @Sendable (_ done: Int, _ total: Int, _ file: String) -> Void = { _, _, _ in }
    ) async throws -> Report {
        let files = try Self.markdownFiles(in: folder)
        var report = Report()
        var slugsSeen: [String: String] = [:]
        for (index, file) in files.enumerated() {
            progress(index, files.count, file.lastPathComponent)
            do {
                var (draft, lines) = try await draft(from: file, defaultAuthor: defaultAuthor)
                let timeZone = site.current.timeZone
                // An article is the same one again when its slug and day match; a file without a date
                // matches the newest article with its slug and keeps that article's date.
                var existing: Int64? = nil
                var key: String? = nil
                if let slug = (try? draft.validated(now: clock.now()))?.slug {
                    if let date = draft.publishedAt {
                        let day = PublicationDay(date: date, timeZone: timeZone)
                        existing = try await articles.id(forSlug: slug, day: day)
                        key = "\(day.isoDate)/\(slug.value)"
                    } else if let id = try await articles.id(forSlug: slug),
                        let current = try await articles.summary(id: id)
                    {
                        existing = id
                        draft.publishedAt = current.publishedAt
                        key = "\(current.day.isoDate)/\(slug.value)"
                    } else {
                        key = "new/\(slug.value)"
                    }
                }
                if let key, let earlier = slugsSeen[key] {
                    throw Problem(
                        file: file.lastPathComponent, line: lines.line(of: "slug") ?? lines.line(of: "title") ?? 1,
                        message: "this article has the same slug and date as \(earlier); give one of them another slug")
                }
                if let key { slugsSeen[key] = file.lastPathComponent }
                do {
                    try await publishing.save(draft, id: existing, writtenBy: htmlTrust)
                } catch let errors as ValidationErrors {
                    let first = errors.issues.first
                    throw Problem(
                        file: file.lastPathComponent, line: first.flatMap { lines.line(of: $0.field) } ?? 1,
                        message: errors.issues.map(\.message).joined(separator: " "))
                }
                if existing != nil {
                    report.updated.append(file.lastPathComponent)
                } else {
                    report.created.append(file.lastPathComponent)
                }
            } catch let problem as Problem {
                report.problems.append(problem)
            }
        }
        progress(files.count, files.count, "")
        return report
    }

    private func draft(from file: URL, defaultAuthor: String?) async throws -> (ArticleDraft, FieldLines) {
        let name = file.lastPathComponent
        guard let data = try? Data(contentsOf: file) else {
            throw Problem(file: name, line: 1, message: "the file cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Problem(file: name, line: 1, message: "the file is not UTF-8 text")
        }
        let document: FrontMatterDocument
        do {
            document = try FrontMatterDocument(text: text)
        } catch {
            throw Problem(file: name, line: error.line, message: error.message)
        }
        let lines = FieldLines(text: text)
        let fields = FrontMatterFields(
            document.fields, file: name, lines: lines, timeZone: site.current.timeZone)
        guard let byline = fields.string("author") ?? defaultAuthor else {
            throw Problem(
                file: name, line: 1, message: "no author: add “author: Name” to the front matter, or pass --author")
        }
        guard let author = try await authors.find(matching: byline) else {
            throw Problem(
                file: name, line: lines.line(of: "author") ?? 1,
                message: "there is no author “\(byline)”; add them first with "
                    + "gazette user add --name \"\(byline)\" --email … --role author")
        }
        let draft = try fields.draft(body: document.body, authorID: author.id, now: clock.now())
        return (draft, lines)
    }

    package static func markdownFiles(in folder: String) throws -> [URL] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ImportError(message: "The folder \(folder) does not exist.")
        }
        let url = URL(fileURLWithPath: folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        return names.filter { $0.lowercased().hasSuffix(".md") || $0.lowercased().hasSuffix(".markdown") }.sorted()
            .map { url.appendingPathComponent($0) }
    }
}

extension MarkdownImport.Problem: Error {}

public struct ImportError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// The line each front-matter key is on, so problems point at the right place.
package struct FieldLines {
    private var lines: [String: Int] = [:]

    package init(text: String) {
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" ") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            if lines[key] == nil { lines[key] = index + 1 }
        }
    }

    /// The line of a key; validation field names are mapped to the front-matter names they come from.
    package func line(of field: String) -> Int? {
        let aliases = ["body": "title", "image_alt": "image", "published_at": "date", "source": "source"]
        return lines[field] ?? aliases[field].flatMap { lines[$0] }
    }
}
