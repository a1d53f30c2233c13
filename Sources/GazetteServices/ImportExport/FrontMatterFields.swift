import Foundation
import GazetteContent

/// Reads the front-matter keys of one file into an article draft, naming the line of any bad value.
package struct FrontMatterFields {
    package let fields: [String: Any]
    package let file: String
    package let lines: FieldLines
    package let timeZone: TimeZone

    package init(_ fields: [String: Any], file: String, lines: FieldLines, timeZone: TimeZone) {
        self.fields = Dictionary(
            fields.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.file = file
        self.lines = lines
        self.timeZone = timeZone
    }

    package static let known: Set<String> = [
        "title", "date", "author", "tags", "category", "source", "source_url", "slug", "dek", "image", "image_alt",
        "image_caption", "image_credit", "status", "excerpt", "canonical_url", "comments",
    ]

    package func draft(body: String, authorID: Int64, now: Date) throws(MarkdownImport.Problem) -> ArticleDraft {
        if let unknown = fields.keys.sorted().first(where: { !Self.known.contains($0) }) {
            throw problem(
                unknown, "unknown field “\(unknown)”; the fields are \(Self.known.sorted().joined(separator: ", "))")
        }
        guard let title = string("title") else { throw problem("title", "every article needs a “title:”") }
        let date = try self.date()
        var status = ArticleStatus.published
        if let text = string("status") {
            guard let parsed = ArticleStatus(lenient: text) else {
                throw problem("status", "status must be draft, scheduled, published or trashed, not “\(text)”")
            }
            status = parsed
        } else if let date, date > now {
            status = .scheduled
        }
        var comments = CommentStatus.open
        if let text = string("comments") {
            guard
                let parsed = CommentStatus(rawValue: text.lowercased())
                    ?? (text == "true" ? .open : text == "false" ? .closed : nil)
            else { throw problem("comments", "comments must be open or closed, not “\(text)”") }
            comments = parsed
        }
        return ArticleDraft(
            title: title, slug: string("slug"), dek: string("dek") ?? "", bodyMarkdown: body,
            excerpt: string("excerpt") ?? "", status: status, publishedAt: date, authorID: authorID,
            category: string("category"), tags: try list("tags"), sourceName: string("source"),
            sourceURL: string("source_url") ?? "", canonicalURL: string("canonical_url") ?? "", image: try image(),
            commentStatus: comments)
    }

    package func string(_ key: String) -> String? {
        guard let value = fields[key] else { return nil }
        let text: String
        switch value {
        case let string as String: text = string
        case let number as Int: text = String(number)
        case let number as Double: text = String(number)
        case let flag as Bool: text = flag ? "true" : "false"
        default: return nil
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    private func list(_ key: String) throws(MarkdownImport.Problem) -> [String] {
        guard let value = fields[key] else { return [] }
        if let items = value as? [Any] {
            return items.compactMap { item in
                (item as? String) ?? (item as? Int).map(String.init)
            }
        }
        if let text = value as? String {
            return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        throw problem(key, "\(key) must be a list, such as [politics, elections]")
    }

    private func date() throws(MarkdownImport.Problem) -> Date? {
        guard let value = fields["date"] else { return nil }
        if let date = value as? Date { return date }
        guard let text = string("date") else { return nil }
        if let date = FlexibleDate.parse(text, timeZone: timeZone) { return date }
        throw problem("date", "“\(text)” is not a date; write it like 2026-11-29 or 2026-11-29 09:30")
    }

    private func image() throws(MarkdownImport.Problem) -> FeaturedImage? {
        if let mapping = fields["image"] as? [String: Any] {
            let sub = FrontMatterFields(mapping, file: file, lines: lines, timeZone: timeZone)
            guard let url = sub.string("url") else { throw problem("image", "the image needs a “url:”") }
            return FeaturedImage(
                url: url, alt: sub.string("alt") ?? "", caption: sub.string("caption") ?? "",
                credit: sub.string("credit") ?? "")
        }
        guard let url = string("image") else { return nil }
        return FeaturedImage(
            url: url, alt: string("image_alt") ?? "", caption: string("image_caption") ?? "",
            credit: string("image_credit") ?? "")
    }

    private func problem(_ key: String, _ message: String) -> MarkdownImport.Problem {
        MarkdownImport.Problem(file: file, line: lines.line(of: key) ?? 1, message: message)
    }
}

/// Dates as people write them in front matter: with or without a time, with or without a zone.
package enum FlexibleDate {
    package static func parse(_ text: String, timeZone: TimeZone) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        let formats = [
            "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd",
        ]
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        for format in formats {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
