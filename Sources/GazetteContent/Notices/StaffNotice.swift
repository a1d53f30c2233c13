import Foundation

/// Something in the newsroom that a member of staff hears of by email.
public enum StaffNotice: Sendable, Equatable {
    /// An article was submitted for review: to editors and admins.
    case submitted(ArticleNote)
    /// Someone else published the author's article: to the author.
    case published(ArticleNote)
    /// Someone else scheduled it: to the author.
    case scheduled(ArticleNote)
    /// An editor sent it back to drafts from review: to the author.
    case sentBack(ArticleNote)
    /// A reader's comment waits for moderation: to moderators who want each one.
    case commentHeld(CommentNote)
    /// How many comments wait, once a day: to moderators who chose the summary.
    case moderationSummary(waiting: Int, day: String)

    /// What a notice names of an article.
    public struct ArticleNote: Sendable, Equatable {
        public var articleID: Int64
        /// The save that caused it, so a second submission is a second notice.
        public var revision: Int
        public var title: String
        public var authorID: Int64
        public var authorName: String
        /// Who saved; empty for the scheduler and commands.
        public var actorName: String
        public var publishedAt: Date?

        public init(
            articleID: Int64, revision: Int, title: String, authorID: Int64, authorName: String, actorName: String,
            publishedAt: Date?
        ) {
            self.articleID = articleID
            self.revision = revision
            self.title = title
            self.authorID = authorID
            self.authorName = authorName
            self.actorName = actorName
            self.publishedAt = publishedAt
        }
    }

    /// What a notice names of a comment: never the commenter's email.
    public struct CommentNote: Sendable, Equatable {
        public var commentID: Int64
        public var articleID: Int64
        public var articleTitle: String
        public var authorName: String
        public var excerpt: String

        public init(commentID: Int64, articleID: Int64, articleTitle: String, authorName: String, excerpt: String) {
            self.commentID = commentID
            self.articleID = articleID
            self.articleTitle = articleTitle
            self.authorName = authorName
            self.excerpt = excerpt
        }
    }

    /// The notice a save from `previous` to `next` status gives, if any. `actorID` saved it (nil: the
    /// scheduler or a command); the author hears only of what someone else did to their article.
    public static func afterSave(
        from previous: ArticleStatus?, to next: ArticleStatus, actorID: Int64?, note: ArticleNote
    ) -> StaffNotice? {
        guard previous != next else { return nil }
        let byOther = actorID != nil && actorID != note.authorID
        switch next {
        case .pending: return .submitted(note)
        case .published where byOther: return .published(note)
        case .scheduled where byOther: return .scheduled(note)
        case .draft where previous == .pending && byOther: return .sentBack(note)
        default: return nil
        }
    }

    /// The outbox's name for the event: one message per event and person.
    public var eventKey: String {
        switch self {
        case .submitted(let note): "review:\(note.articleID):\(note.revision)"
        case .published(let note): "published:\(note.articleID):\(note.revision)"
        case .scheduled(let note): "scheduled:\(note.articleID):\(note.revision)"
        case .sentBack(let note): "sent-back:\(note.articleID):\(note.revision)"
        case .commentHeld(let note): "held:\(note.commentID)"
        case .moderationSummary(_, let day): "moderation-summary:\(day)"
        }
    }
}

/// Which notices a member of staff gets, chosen in their profile. Everyone starts with all of them.
public struct NoticeChoices: Sendable, Equatable {
    /// Articles submitted for review (editors and admins).
    public var reviews: Bool
    /// Their own articles published, scheduled or sent back by someone else.
    public var ownArticles: Bool
    /// Comments held for moderation (editors and admins).
    public var comments: CommentNotices

    public enum CommentNotices: String, Sendable, CaseIterable {
        case each
        case daily
        case off
    }

    public init(reviews: Bool = true, ownArticles: Bool = true, comments: CommentNotices = .each) {
        self.reviews = reviews
        self.ownArticles = ownArticles
        self.comments = comments
    }
}
