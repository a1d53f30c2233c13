import Foundation
import GazetteContent

/// A new comment ready to store: validated fields plus the verdict and what the endpoint saw.
public struct CommentRecord: Sendable {
    public var articleID: Int64
    public var comment: ValidComment
    public var decision: ModerationDecision
    public var ip: String
    public var userAgent: String
    public var createdAt: Date
    /// Set for replies written in the newsroom: who wrote it.
    public var staffAuthorID: Int64?

    public init(
        articleID: Int64, comment: ValidComment, decision: ModerationDecision, ip: String, userAgent: String,
        createdAt: Date, staffAuthorID: Int64? = nil
    ) {
        self.staffAuthorID = staffAuthorID
        self.articleID = articleID
        self.comment = comment
        self.decision = decision
        self.ip = ip
        self.userAgent = userAgent
        self.createdAt = createdAt
    }

    /// Identifies "the same comment again": article, parent, email and whitespace-folded text.
    var fingerprint: String {
        let folded = comment.body.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let key = "\(articleID)|\(comment.parentID ?? 0)|\(comment.authorEmail)|\(folded)"
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in key.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            second = (second &* 31) &+ UInt64(byte)
        }
        return String(hash, radix: 16) + String(second, radix: 16)
    }
}

/// Why a comment could not be stored, in terms the reader can act on.
public enum CommentRejection: Error, Sendable, Equatable {
    /// The same comment was already posted.
    case duplicate
    /// The IP posted another comment less than the flood interval ago.
    case flood(seconds: Int)
    /// The parent is not an approved comment on the same article.
    case parentUnavailable
    /// Replies would nest deeper than the thread depth allows.
    case tooDeep(maximum: Int)
}
