import Foundation
import GazetteContent
import SQLKit

/// Who on the staff hears of what (`StaffNotice`), by their choices (`NoticeChoices`, migration 22), and
/// the queueing of those emails inside the transaction of the event itself.
public struct StaffNoticeStore: Sendable {
    private let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// A member of staff an email goes to.
    public struct Recipient: Sendable, Equatable {
        public var id: Int64
        public var name: String
        public var email: String
    }

    /// Writes the email one person gets for a notice; nil to send none.
    public typealias Writer = @Sendable (StaffNotice, Recipient) -> OutboxStore.NewMail?

    public func choices(userID: Int64) async throws -> NoticeChoices {
        try await database.read { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT notify_reviews, notify_own_articles, notify_comments FROM authors
                    WHERE id = \(bind: userID)
                    """
                ).first()
            else { throw StorageError.notFound("There is no account with id \(userID).") }
            return NoticeChoices(
                reviews: try row.int64("notify_reviews") != 0, ownArticles: try row.int64("notify_own_articles") != 0,
                comments: NoticeChoices.CommentNotices(rawValue: try row.string("notify_comments")) ?? .each)
        }
    }

    public func setChoices(_ choices: NoticeChoices, userID: Int64) async throws {
        try await database.write { db in
            try await db.raw(
                """
                UPDATE authors SET notify_reviews = \(bind: choices.reviews ? 1 : 0),
                    notify_own_articles = \(bind: choices.ownArticles ? 1 : 0),
                    notify_comments = \(bind: choices.comments.rawValue)
                WHERE id = \(bind: userID)
                """
            ).run()
        }
    }

    /// Queues `notice` to everyone who wants it but `actorID`, inside the caller's transaction. Only
    /// accounts that can sign in hear of anything (not invitations still open, nor imported bylines).
    static func queue(
        _ notice: StaffNotice, excluding actorID: Int64?, writer: Writer, now: Date, in db: any SQLDatabase
    ) async throws {
        let audience: SQLQueryString =
            switch notice {
            case .submitted: "role IN ('editor', 'admin') AND notify_reviews = 1"
            case .published(let note), .scheduled(let note), .sentBack(let note):
                "id = \(bind: note.authorID) AND notify_own_articles = 1"
            case .commentHeld: "role IN ('editor', 'admin') AND notify_comments = 'each'"
            case .moderationSummary: "role IN ('editor', 'admin') AND notify_comments = 'daily'"
            }
        let rows = try await db.raw(
            "SELECT id, name, email FROM authors WHERE password_hash <> '' AND active = 1 AND "
                + audience + " AND id <> \(bind: actorID ?? 0) ORDER BY id"
        ).all()
        for row in rows {
            let recipient = Recipient(
                id: try row.int64("id"), name: try row.string("name"), email: try row.string("email"))
            if let mail = writer(notice, recipient) { try await OutboxStore.enqueue(mail, now: now, in: db) }
        }
    }

    /// Once a day: how many comments wait, to moderators who chose the summary. Queued at most once per
    /// `day` and person however often it is called; nothing when no comment waits. Returns how many
    /// comments wait.
    @discardableResult
    public func queueSummary(day: String, now: Date, writer: @escaping Writer) async throws -> Int {
        try await database.write { db in
            let waiting = Int(
                try await db.raw("SELECT COUNT(*) AS n FROM comments WHERE status = 'pending'").first()?.int64("n")
                    ?? 0)
            if waiting > 0 {
                try await Self.queue(
                    .moderationSummary(waiting: waiting, day: day), excluding: nil, writer: writer, now: now, in: db)
            }
            return waiting
        }
    }

    /// A held comment's notice, inside the transaction that stored it.
    static func queueHeld(_ comment: Comment, writer: Writer, now: Date, in db: any SQLDatabase) async throws {
        guard comment.status == .pending,
            let title = try await db.raw("SELECT title FROM articles WHERE id = \(bind: comment.articleID)").first()?
                .string("title")
        else { return }
        let note = StaffNotice.CommentNote(
            commentID: comment.id, articleID: comment.articleID, articleTitle: title, authorName: comment.authorName,
            excerpt: String(comment.body.prefix(300)))
        try await queue(.commentHeld(note), excluding: nil, writer: writer, now: now, in: db)
    }
}
