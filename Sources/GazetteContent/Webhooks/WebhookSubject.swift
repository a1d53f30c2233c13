import Foundation

/// What a webhook tells of: an article or a comment in its public shape. Neither type has a place for a
/// reader's email or IP address, so no payload can carry them.
public enum WebhookSubject: Sendable, Equatable {
    case article(WebhookArticle)
    case comment(WebhookComment)
}

/// An article as readers know it.
public struct WebhookArticle: Sendable, Equatable {
    public var id: Int64
    public var title: String
    public var day: PublicationDay
    public var slug: Slug
    public var status: ArticleStatus
    public var publishedAt: Date?
    public var updatedAt: Date
    public var authorName: String
    public var authorSlug: String

    public init(
        id: Int64, title: String, day: PublicationDay, slug: Slug, status: ArticleStatus, publishedAt: Date?,
        updatedAt: Date, authorName: String, authorSlug: String
    ) {
        self.id = id
        self.title = title
        self.day = day
        self.slug = slug
        self.status = status
        self.publishedAt = publishedAt
        self.updatedAt = updatedAt
        self.authorName = authorName
        self.authorSlug = authorSlug
    }

    /// The article's address on the site, as readers know it.
    public var path: String { Redirect.articlePath(day: day, slug: slug) }
}

/// A comment with what may be public about it: never its author's email or IP address.
public struct WebhookComment: Sendable, Equatable {
    public var id: Int64
    public var articleID: Int64
    public var parentID: Int64?
    public var status: ModerationStatus
    public var authorName: String
    public var createdAt: Date

    public init(
        id: Int64, articleID: Int64, parentID: Int64?, status: ModerationStatus, authorName: String, createdAt: Date
    ) {
        self.id = id
        self.articleID = articleID
        self.parentID = parentID
        self.status = status
        self.authorName = authorName
        self.createdAt = createdAt
    }

    /// Only what may be public: a `Comment` also holds the address and IP, which stay behind.
    public init(_ comment: Comment) {
        self.init(
            id: comment.id, articleID: comment.articleID, parentID: comment.parentID, status: comment.status,
            authorName: comment.authorName, createdAt: comment.createdAt)
    }
}
