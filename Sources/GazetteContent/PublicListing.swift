import Foundation

/// An author as anyone may see them: never the email, the role or anything else private.
public struct PublicAuthor: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var slug: Slug
    public var bio: String
    /// A portrait's address (https://… or an upload under /media/), or empty.
    public var avatarURL: String

    public init(id: Int64, name: String, slug: Slug, bio: String, avatarURL: String) {
        self.id = id
        self.name = name
        self.slug = slug
        self.bio = bio
        self.avatarURL = avatarURL
    }
}

/// A tag or category with how many published articles it files, for public term lists.
public struct TermListing: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var slug: Slug
    /// Categories only: the section this one sits under.
    public var parentID: Int64?
    /// Published news articles filed under it (standing pages are not counted).
    public var count: Int

    public init(id: Int64, name: String, slug: Slug, parentID: Int64?, count: Int) {
        self.id = id
        self.name = name
        self.slug = slug
        self.parentID = parentID
        self.count = count
    }
}

/// An approved comment on a published article, as the public sees it: never the email or the address.
public struct ApprovedComment: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var articleID: Int64
    public var parentID: Int64?
    public var authorName: String
    public var authorURL: String
    public var body: String
    public var createdAt: Date
    public var articleDay: PublicationDay
    public var articleSlug: Slug
    /// How deep in its thread: 0 for a comment on the article itself.
    public var depth: Int
    /// Written by a member of the newsroom while signed in.
    public var isStaff: Bool

    public init(
        id: Int64, articleID: Int64, parentID: Int64?, authorName: String, authorURL: String, body: String,
        createdAt: Date, articleDay: PublicationDay, articleSlug: Slug, depth: Int = 0, isStaff: Bool = false
    ) {
        self.depth = depth
        self.isStaff = isStaff
        self.id = id
        self.articleID = articleID
        self.parentID = parentID
        self.authorName = authorName
        self.authorURL = authorURL
        self.body = body
        self.createdAt = createdAt
        self.articleDay = articleDay
        self.articleSlug = articleSlug
    }
}
