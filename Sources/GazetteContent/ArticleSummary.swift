import Foundation

/// The author as a byline shows them: name and archive slug, never the email.
public struct Byline: Sendable, Equatable {
    public var name: String
    public var slug: Slug
    /// The author's number, where the reader knows it (0 where it is not needed).
    public var id: Int64

    public init(name: String, slug: Slug, id: Int64 = 0) {
        self.name = name
        self.slug = slug
        self.id = id
    }
}

/// An article as lists show it: headline, teaser, byline, date and picture.
public struct ArticleSummary: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var title: String
    public var slug: Slug
    public var day: PublicationDay
    public var dek: String
    public var excerpt: String
    public var status: ArticleStatus
    public var publishedAt: Date?
    public var updatedAt: Date
    public var byline: Byline
    public var category: Category?
    public var source: Source?
    public var image: FeaturedImage?
    /// Approved comments only.
    public var commentCount: Int
    /// News, or a standing page.
    public var kind: ArticleKind

    public init(
        id: Int64, title: String, slug: Slug, day: PublicationDay, dek: String, excerpt: String,
        status: ArticleStatus, publishedAt: Date?, updatedAt: Date, byline: Byline, category: Category?,
        source: Source?, image: FeaturedImage?, commentCount: Int = 0, kind: ArticleKind = .article
    ) {
        self.kind = kind
        self.id = id
        self.title = title
        self.slug = slug
        self.day = day
        self.dek = dek
        self.excerpt = excerpt
        self.status = status
        self.publishedAt = publishedAt
        self.updatedAt = updatedAt
        self.byline = byline
        self.category = category
        self.source = source
        self.image = image
        self.commentCount = commentCount
    }
}

/// Everything the article page shows.
public struct ArticleDetails: Sendable, Equatable {
    public var summary: ArticleSummary
    public var bodyMarkdown: String
    public var bodyHTML: String
    /// Who wrote the body, as far as its HTML goes: a later save by anyone keeps it at most this trusted.
    public var bodyTrust: HTMLTrust
    public var authorBio: String
    public var tags: [Tag]
    public var corrections: [Correction]
    public var sourceURL: String
    public var canonicalURL: String
    public var commentStatus: CommentStatus
    /// Goes up by one with every save; an editor's form carries it to detect a concurrent save.
    public var revision: Int
    public var authorID: Int64

    public init(
        summary: ArticleSummary, bodyMarkdown: String, bodyHTML: String, authorBio: String, tags: [Tag],
        corrections: [Correction], sourceURL: String, canonicalURL: String, commentStatus: CommentStatus,
        revision: Int = 1, authorID: Int64 = 0, bodyTrust: HTMLTrust = .untrusted
    ) {
        self.summary = summary
        self.bodyTrust = bodyTrust
        self.bodyMarkdown = bodyMarkdown
        self.bodyHTML = bodyHTML
        self.authorBio = authorBio
        self.tags = tags
        self.corrections = corrections
        self.sourceURL = sourceURL
        self.canonicalURL = canonicalURL
        self.commentStatus = commentStatus
        self.revision = revision
        self.authorID = authorID
    }

    public var commentCount: Int { summary.commentCount }

    /// True when the article was changed noticeably after it went out (an "Updated" line is due).
    public var wasUpdatedAfterPublishing: Bool {
        guard let published = summary.publishedAt else { return false }
        return summary.updatedAt.timeIntervalSince(published) >= 60
    }
}
