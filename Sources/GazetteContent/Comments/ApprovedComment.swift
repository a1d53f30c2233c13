import Foundation

/// An approved comment as anyone may read it: no email, no network address.
public struct ApprovedComment: Sendable, Equatable {
    public var id: Int64
    public var parentID: Int64?
    public var depth: Int
    public var authorName: String
    public var authorURL: String
    /// Plain text as the reader wrote it; `CommentText.html` turns it into the page's markup.
    public var body: String
    public var createdAt: Date
    /// Written by a member of the newsroom while signed in.
    public var isStaff: Bool

    public init(
        id: Int64, parentID: Int64?, depth: Int, authorName: String, authorURL: String, body: String,
        createdAt: Date, isStaff: Bool
    ) {
        self.id = id
        self.parentID = parentID
        self.depth = depth
        self.authorName = authorName
        self.authorURL = authorURL
        self.body = body
        self.createdAt = createdAt
        self.isStaff = isStaff
    }
}
