import Foundation

/// A reader's comment as stored, with the private fields moderators need.
public struct Comment: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var articleID: Int64
    public var parentID: Int64?
    /// 0 for a comment on the article, 1 for a reply to it, and so on.
    public var depth: Int
    public var authorName: String
    /// Private: for moderation only, never on a public page, feed or API answer.
    public var authorEmail: String
    public var authorURL: String
    /// Private, possibly truncated (see `CommentSettings.truncatesIPs`).
    public var authorIP: String
    public var body: String
    public var status: ModerationStatus
    public var spamScore: Int
    /// Why the spam checks held or flagged it, one reason a line, for moderators.
    public var spamReasons: [String]
    public var createdAt: Date
    /// The newsroom member who wrote it from the newsroom (a staff reply); nil for readers' comments.
    public var staffAuthorID: Int64?

    public init(
        id: Int64, articleID: Int64, parentID: Int64?, depth: Int, authorName: String, authorEmail: String,
        authorURL: String, authorIP: String, body: String, status: ModerationStatus, spamScore: Int,
        spamReasons: [String], createdAt: Date, staffAuthorID: Int64? = nil
    ) {
        self.staffAuthorID = staffAuthorID
        self.id = id
        self.articleID = articleID
        self.parentID = parentID
        self.depth = depth
        self.authorName = authorName
        self.authorEmail = authorEmail
        self.authorURL = authorURL
        self.authorIP = authorIP
        self.body = body
        self.status = status
        self.spamScore = spamScore
        self.spamReasons = spamReasons
        self.createdAt = createdAt
    }
}
