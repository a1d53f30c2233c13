import Foundation

/// Everything a save sets besides the text (headline, dek, body, excerpt, which revisions keep in columns):
/// the address, tags, category, source, image, corrections and the article's settings. Kept with each
/// revision as JSON, so the history shows and restores every field.
public struct RevisionDetails: Sendable, Equatable, Codable {
    public var slug: String
    public var tags: [String]
    public var category: String?
    public var sourceName: String?
    public var sourceURL: String
    public var canonicalURL: String
    public var image: FeaturedImage?
    public var corrections: [Correction]
    public var commentStatus: CommentStatus
    public var publishedAt: Date?

    public init(_ article: ValidArticle) {
        slug = article.slug.value
        tags = article.tags.map(\.name)
        category = article.category?.name
        sourceName = article.source?.name
        sourceURL = article.sourceURL
        canonicalURL = article.canonicalURL
        image = article.image
        corrections = article.corrections
        commentStatus = article.commentStatus
        publishedAt = article.publishedAt
    }

    public init(_ details: ArticleDetails) {
        slug = details.summary.slug.value
        tags = details.tags.map(\.name)
        category = details.summary.category?.name
        sourceName = details.summary.source?.name
        sourceURL = details.sourceURL
        canonicalURL = details.canonicalURL
        image = details.summary.image
        corrections = details.corrections
        commentStatus = details.commentStatus
        publishedAt = details.summary.publishedAt
    }

    /// As stored in the revisions table.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .secondsSince1970
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// From the revisions table; nil for revisions saved before details were kept.
    public init?(json: String) {
        guard !json.isEmpty else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        guard let decoded = try? decoder.decode(RevisionDetails.self, from: Data(json.utf8)) else { return nil }
        self = decoded
    }

    /// One line per field, as the history's comparison shows them; `date` writes a time in the site's zone.
    public func lines(date: (Date) -> String) -> [String] {
        var lines = ["Slug: " + slug]
        lines.append("Publication time: " + (publishedAt.map(date) ?? "none"))
        lines.append("Category: " + (category ?? "none"))
        lines.append("Tags: " + (tags.isEmpty ? "none" : tags.joined(separator: ", ")))
        lines.append(
            "Source: " + (sourceName ?? "none") + (sourceURL.isEmpty ? "" : " (\(sourceURL))"))
        if let image {
            lines.append("Image: " + image.url)
            lines.append("Image alternative text: " + image.alt)
            if !image.caption.isEmpty { lines.append("Image caption: " + image.caption) }
            if !image.credit.isEmpty { lines.append("Image credit: " + image.credit) }
        } else {
            lines.append("Image: none")
        }
        for correction in corrections {
            lines.append("Correction of \(date(correction.notedAt)): \(correction.note)")
        }
        if !canonicalURL.isEmpty { lines.append("Canonical address: " + canonicalURL) }
        lines.append("Comments: " + (commentStatus == .open ? "open" : "closed"))
        return lines
    }
}
