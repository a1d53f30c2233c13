import Foundation
import GazetteContent
import SQLKit

/// Reader comments. Every change updates the article's approved-comment count in the same transaction:
/// a new comment adds one (the hot path), moderation recounts.
public struct CommentStore: Sendable {
    let database: Database
    /// Queues `comment.posted` and `comment.approved` deliveries in the transaction of the change.
    let webhooks: WebhookQueue?

    public init(database: Database, webhooks: WebhookQueue? = nil) {
        self.database = database
        self.webhooks = webhooks
    }

    /// Stores a comment after the checks that must see every other write: parent, depth, flood, duplicate.
    ///
    /// Returns only once the transaction has committed, so a success answer means the comment is durable.
    public func insert(
        _ record: CommentRecord, maximumDepth: Int, floodSeconds: Int, mail: CommentMail? = nil
    ) async throws -> Comment {
        let fingerprint = record.fingerprint
        do {
            let dialect = database.dialect
            let webhooks = self.webhooks
            return try await database.write { db in
                try await Self.lockArticles([record.articleID], dialect: dialect, in: db)
                let comment = try await Self.write(
                    record, maximumDepth: maximumDepth, floodSeconds: floodSeconds, in: db)
                try await mail?.queue(about: comment, now: record.createdAt, in: db)
                try await webhooks?.queue(
                    .commentPosted, about: .comment(WebhookComment(comment)), now: record.createdAt, in: db)
                return comment
            }
        } catch let error as CommentRejection {
            throw error
        } catch {
            // The write failed after all its checks passed, perhaps after its COMMIT reached the server (a
            // connection lost, a deadline passed): when the comment is there, it is this post's, stored
            // once, and the reader is told it was received, not that it is a duplicate.
            if let id = try await database.read({ db in
                try await db.raw("SELECT id FROM comments WHERE fingerprint = \(bind: fingerprint)").first()?
                    .int64("id")
            }), let stored = try await find(id: id) {
                return stored
            }
            throw error
        }
    }

    /// Stores many comments in one transaction, all or none, with the parent and depth rules of `insert`
    /// and without flood control (imports and the sample-site generator). A comment already stored is
    /// skipped, so the result may be shorter than `records`.
    public func insertMany(_ records: [CommentRecord], maximumDepth: Int) async throws -> [Comment] {
        let dialect = database.dialect
        return try await database.write { db in
            try await Self.lockArticles(Array(Set(records.map(\.articleID))), dialect: dialect, in: db)
            var stored: [Comment] = []
            for record in records {
                do {
                    stored.append(try await Self.write(record, maximumDepth: maximumDepth, floodSeconds: 0, in: db))
                } catch CommentRejection.duplicate {
                    continue
                }
            }
            return stored
        }
    }

    /// The checks and the insert of one comment, inside the caller's transaction.
    private static func write(
        _ record: CommentRecord, maximumDepth: Int, floodSeconds: Int, in db: any SQLDatabase
    ) async throws -> Comment {
        let fingerprint = record.fingerprint
        var depth = 0
        var threadID: Int64? = nil
        if let parentID = record.comment.parentID {
            guard
                let parent = try await db.raw(
                    """
                    SELECT depth, thread_id FROM comments
                    WHERE id = \(bind: parentID) AND article_id = \(bind: record.articleID) AND status = 'approved'
                    """
                ).first()
            else { throw CommentRejection.parentUnavailable }
            depth = Int(try parent.int64("depth")) + 1
            // A top-level comment has thread 0; its replies carry its id as their thread.
            let parentThread = try parent.int64("thread_id")
            threadID = parentThread == 0 ? parentID : parentThread
            guard depth < maximumDepth else { throw CommentRejection.tooDeep(maximum: maximumDepth) }
        }
        if floodSeconds > 0, !record.ip.isEmpty {
            let since = record.createdAt.addingTimeInterval(-Double(floodSeconds)).storedSeconds
            let recent = try await db.raw(
                "SELECT id FROM comments WHERE author_ip = \(bind: record.ip) AND created_at > \(bind: since) LIMIT 1"
            ).first()
            if recent != nil { throw CommentRejection.flood(seconds: floodSeconds) }
        }
        let row = try await db.raw(
            """
            INSERT INTO comments (article_id, parent_id, thread_id, depth, author_name, author_email, author_url,
                author_ip, user_agent, body, status, spam_score, spam_reasons, fingerprint, created_at, updated_at,
                staff_author_id)
            VALUES (\(bind: record.articleID), \(bind: record.comment.parentID), \(bind: threadID ?? 0),
                \(bind: depth), \(bind: record.comment.authorName), \(bind: record.comment.authorEmail),
                \(bind: record.comment.authorURL), \(bind: record.ip), \(bind: record.userAgent),
                \(bind: record.comment.body), \(bind: record.decision.status.rawValue),
                \(bind: record.decision.score), \(bind: record.decision.reasons.joined(separator: "\n")),
                \(bind: fingerprint), \(bind: record.createdAt.storedSeconds), \(bind: record.createdAt.storedSeconds),
                \(bind: record.staffAuthorID))
            ON CONFLICT (fingerprint) DO NOTHING
            RETURNING id
            """
        ).first()
        // No row back: the same comment is already stored.
        guard let id = try row?.int64("id") else { throw CommentRejection.duplicate }
        if record.decision.status == .approved {
            try await db.raw(
                "UPDATE articles SET comment_count = comment_count + 1 WHERE id = \(bind: record.articleID)"
            ).run()
        }
        return Comment(
            id: id, articleID: record.articleID, parentID: record.comment.parentID, depth: depth,
            authorName: record.comment.authorName, authorEmail: record.comment.authorEmail,
            authorURL: record.comment.authorURL, authorIP: record.ip, body: record.comment.body,
            status: record.decision.status, spamScore: record.decision.score,
            spamReasons: record.decision.reasons, createdAt: record.createdAt)
    }

    /// True when this name and email already have an approved comment anywhere on the site.
    public func isKnownAuthor(name: String, email: String) async throws -> Bool {
        try await database.read { db in
            try await db.raw(
                """
                SELECT id FROM comments
                WHERE author_email = \(bind: email) AND author_name = \(bind: name) AND status = 'approved' LIMIT 1
                """
            ).first() != nil
        }
    }

    /// Replaces what a comment says and who it is from, as a moderator corrects it; status and thread stay.
    public func update(id: Int64, _ comment: ValidComment, now: Date) async throws {
        try await database.write { db in
            try await db.raw(
                """
                UPDATE comments SET author_name = \(bind: comment.authorName), author_email = \(bind: comment.authorEmail),
                    author_url = \(bind: comment.authorURL), body = \(bind: comment.body),
                    updated_at = \(bind: now.storedSeconds)
                WHERE id = \(bind: id)
                """
            ).run()
        }
    }

    public func find(id: Int64) async throws -> Comment? {
        try await database.read { db in
            try await db.raw("SELECT * FROM comments WHERE id = \(bind: id)").first().map(Self.comment)
        }
    }

    public func find(ids: [Int64]) async throws -> [Comment] {
        guard !ids.isEmpty else { return [] }
        return try await database.read { db in
            try await db.raw("SELECT * FROM comments WHERE id IN (\(binds: ids)) ORDER BY created_at, id").all()
                .map(Self.comment)
        }
    }

    /// One page of an article's approved top-level comments, with every approved reply in their threads.
    public func approvedThreads(articleID: Int64, page: PageRequest, newestFirst: Bool) async throws -> ThreadPage {
        try await database.read { db in
            let order = newestFirst ? "DESC" : "ASC"
            let total =
                try await db.raw(
                    """
                    SELECT COUNT(*) AS n FROM comments
                    WHERE article_id = \(bind: articleID) AND status = 'approved' AND parent_id IS NULL
                    """
                ).first()?.int64("n") ?? 0
            // The page's ids first, from `comments_roots` alone; then their rows. Asked for the rows at once,
            // PostgreSQL preferred walking every approved comment in time order and read thousands.
            let roots = try await db.raw(
                """
                SELECT * FROM comments WHERE id IN (
                    SELECT id FROM comments
                    WHERE article_id = \(bind: articleID) AND status = 'approved' AND parent_id IS NULL
                    ORDER BY created_at \(unsafeRaw: order), id \(unsafeRaw: order)
                    LIMIT \(literal: page.size) OFFSET \(literal: page.offset))
                ORDER BY created_at \(unsafeRaw: order), id \(unsafeRaw: order)
                """
            ).all().map(Self.comment)
            var replies: [Comment] = []
            if !roots.isEmpty {
                // Ordered by thread first, so that SQLite walks `comments_by_thread` for these threads only;
                // ordered by time alone, it preferred `comments_by_status` and read every approved comment.
                replies = try await db.raw(
                    """
                    SELECT * FROM comments
                    WHERE thread_id IN (\(binds: roots.map(\.id))) AND status = 'approved'
                    ORDER BY thread_id, created_at, id
                    """
                ).all().map(Self.comment)
            }
            return ThreadPage(
                roots: roots, replies: replies,
                page: Page(items: roots.map(\.id), request: page, totalItems: Int(total)))
        }
    }

    /// Comments for moderators, newest first, optionally of one status.
    public func list(status: ModerationStatus?, limit: Int, offset: Int = 0) async throws -> [Comment] {
        try await database.read { db in
            let filter: SQLQueryString = status.map { " WHERE status = \(bind: $0.rawValue)" } ?? ""
            return try await db.raw(
                "SELECT * FROM comments" + filter
                    + " ORDER BY created_at DESC, id DESC LIMIT \(literal: limit) OFFSET \(literal: offset)"
            ).all().map(Self.comment)
        }
    }

    /// How many comments have each status.
    public func countsByStatus() async throws -> [ModerationStatus: Int] {
        try await database.read { db in
            var counts: [ModerationStatus: Int] = [:]
            for row in try await db.raw("SELECT status, COUNT(*) AS n FROM comments GROUP BY status").all() {
                if let status = ModerationStatus(rawValue: try row.string("status")) {
                    counts[status] = Int(try row.int64("n"))
                }
            }
            return counts
        }
    }

    /// Sets the status of each comment; returns the ids that existed. Counts are updated in the same transaction.
    @discardableResult
    public func setStatus(
        _ status: ModerationStatus, ids: [Int64], now: Date, mail: CommentMail? = nil
    ) async throws -> [Int64] {
        let dialect = database.dialect
        let webhooks = self.webhooks
        return try await database.write { db in
            let found = try await Self.articleIDs(of: ids, in: db)
            try await Self.lockArticles(Array(Set(found.values)), dialect: dialect, in: db)
            let newlyApproved =
                webhooks == nil || status != .approved || found.isEmpty
                ? []
                : try await db.raw(
                    "SELECT id FROM comments WHERE id IN (\(binds: found.keys.sorted())) AND status <> 'approved'"
                ).all().map { try $0.int64("id") }
            try await db.raw(
                """
                UPDATE comments SET status = \(bind: status.rawValue), updated_at = \(bind: now.storedSeconds)
                WHERE id IN (\(binds: ids.isEmpty ? [-1] : ids))
                """
            ).run()
            for articleID in Set(found.values) { try await Self.recount(articleID: articleID, in: db) }
            if let webhooks, !newlyApproved.isEmpty {
                let approved = try await db.raw(
                    "SELECT * FROM comments WHERE id IN (\(binds: newlyApproved.sorted())) ORDER BY id"
                ).all().map(Self.comment)
                for comment in approved {
                    try await webhooks.queue(
                        .commentApproved, about: .comment(WebhookComment(comment)), now: now, in: db)
                }
            }
            if let mail, status == .approved, !found.isEmpty {
                let approved = try await db.raw(
                    "SELECT * FROM comments WHERE id IN (\(binds: found.keys.sorted())) ORDER BY id"
                ).all().map(Self.comment)
                for comment in approved { try await mail.queue(about: comment, now: now, in: db) }
            }
            return found.keys.sorted()
        }
    }

    /// Deletes comments for good. Their replies move up to the deleted comment's parent, so no reply is lost.
    @discardableResult
    public func delete(ids: [Int64]) async throws -> [Int64] {
        let dialect = database.dialect
        return try await database.write { db in
            let found = try await Self.articleIDs(of: ids, in: db)
            try await Self.lockArticles(Array(Set(found.values)), dialect: dialect, in: db)
            for id in found.keys.sorted() {
                try await Self.detachReplies(of: id, in: db)
                try await db.raw("DELETE FROM comments WHERE id = \(bind: id)").run()
            }
            for articleID in Set(found.values) { try await Self.recount(articleID: articleID, in: db) }
            return found.keys.sorted()
        }
    }

    /// Deletes spam and trash last changed before `cutoff`; returns how many went.
    public func purge(before cutoff: Date) async throws -> Int {
        let ids = try await database.read { db in
            try await db.raw(
                """
                SELECT id FROM comments
                WHERE status IN ('spam', 'trash') AND updated_at < \(bind: cutoff.storedSeconds)
                """
            ).all().map { try $0.int64("id") }
        }
        return try await delete(ids: ids).count
    }

    private static func articleIDs(of ids: [Int64], in db: any SQLDatabase) async throws -> [Int64: Int64] {
        guard !ids.isEmpty else { return [:] }
        var result: [Int64: Int64] = [:]
        for row in try await db.raw("SELECT id, article_id FROM comments WHERE id IN (\(binds: ids))").all() {
            result[try row.int64("id")] = try row.int64("article_id")
        }
        return result
    }

    /// Re-attaches a comment's replies to its own parent and lifts their whole subtrees one level.
    private static func detachReplies(of id: Int64, in db: any SQLDatabase) async throws {
        guard let row = try await db.raw("SELECT parent_id, thread_id FROM comments WHERE id = \(bind: id)").first()
        else { return }
        let parentID = try row.optionalInt64("parent_id")
        var level = try await db.raw("SELECT id FROM comments WHERE parent_id = \(bind: id)").all().map {
            try $0.int64("id")
        }
        guard !level.isEmpty else { return }
        try await db.raw("UPDATE comments SET parent_id = \(bind: parentID) WHERE parent_id = \(bind: id)").run()
        while !level.isEmpty {
            try await db.raw("UPDATE comments SET depth = depth - 1 WHERE id IN (\(binds: level))").run()
            if parentID == nil {
                // A reply to a deleted top-level comment starts its own thread.
                for child in try await db.raw(
                    "SELECT id FROM comments WHERE id IN (\(binds: level)) AND parent_id IS NULL"
                ).all().map({ try $0.int64("id") }) {
                    try await Self.makeThreadRoot(child, in: db)
                }
            }
            level = try await db.raw("SELECT id FROM comments WHERE parent_id IN (\(binds: level))").all().map {
                try $0.int64("id")
            }
        }
    }

    /// Makes a comment top-level: thread 0 for itself, its id as the thread of everything below it.
    private static func makeThreadRoot(_ root: Int64, in db: any SQLDatabase) async throws {
        try await db.raw("UPDATE comments SET thread_id = 0 WHERE id = \(bind: root)").run()
        var level = try await db.raw("SELECT id FROM comments WHERE parent_id = \(bind: root)").all().map {
            try $0.int64("id")
        }
        while !level.isEmpty {
            try await db.raw("UPDATE comments SET thread_id = \(bind: root) WHERE id IN (\(binds: level))").run()
            level = try await db.raw("SELECT id FROM comments WHERE parent_id IN (\(binds: level))").all().map {
                try $0.int64("id")
            }
        }
    }

    /// Takes the articles' row locks, in id order so two writers never wait on each other in a circle.
    /// With the lock held, a recount sees every comment committed before it and an increment is never lost.
    static func lockArticles(_ ids: [Int64], dialect: Dialect, in db: any SQLDatabase) async throws {
        guard !ids.isEmpty, !dialect.lockRows.isEmpty else { return }
        try await db.raw(
            "SELECT id FROM articles WHERE id IN (\(binds: ids.sorted())) ORDER BY id\(unsafeRaw: dialect.lockRows)"
        ).run()
    }

    static func recount(articleID: Int64, in db: any SQLDatabase) async throws {
        try await db.raw(
            """
            UPDATE articles SET comment_count =
                (SELECT COUNT(*) FROM comments WHERE article_id = \(bind: articleID) AND status = 'approved')
            WHERE id = \(bind: articleID)
            """
        ).run()
    }

    /// An approved comment for a feed, with the public facts of its article; never the email or IP.
    public struct PublicComment: Sendable {
        public var id: Int64
        public var authorName: String
        public var authorURL: String
        public var body: String
        public var createdAt: Date
        public var articleTitle: String
        public var articleSlug: Slug
        public var articleDay: PublicationDay
    }

    /// The newest approved comments on published articles (of one article when `articleID` is given).
    public func newestApproved(articleID: Int64?, limit: Int, now: Date) async throws -> [PublicComment] {
        try await database.read { db in
            var condition: SQLQueryString =
                "c.status = 'approved' AND a.status = 'published' AND a.published_at <= \(bind: now.storedSeconds)"
            if let articleID { condition = condition + " AND c.article_id = \(bind: articleID)" }
            return try await db.raw(
                """
                SELECT c.id, c.author_name, c.author_url, c.body, c.created_at, a.title, a.slug, a.publish_day
                FROM comments c JOIN articles a ON a.id = c.article_id WHERE
                """ + " " + condition + " ORDER BY c.created_at DESC, c.id DESC LIMIT \(literal: limit)"
            ).all().map { row in
                PublicComment(
                    id: try row.int64("id"), authorName: try row.string("author_name"),
                    authorURL: try row.string("author_url"), body: try row.string("body"),
                    createdAt: try row.date("created_at"), articleTitle: try row.string("title"),
                    articleSlug: try row.slug("slug"),
                    articleDay: PublicationDay(isoDate: try row.string("publish_day"))
                        ?? PublicationDay(year: 1970, month: 1, day: 1)!)
            }
        }
    }

    static func comment(_ row: any SQLRow) throws -> Comment {
        let reasons = try row.string("spam_reasons")
        return Comment(
            id: try row.int64("id"), articleID: try row.int64("article_id"),
            parentID: try row.optionalInt64("parent_id"),
            depth: Int(try row.int64("depth")), authorName: try row.string("author_name"),
            authorEmail: try row.string("author_email"), authorURL: try row.string("author_url"),
            authorIP: try row.string("author_ip"), body: try row.string("body"),
            status: ModerationStatus(rawValue: try row.string("status")) ?? .pending,
            spamScore: Int(try row.int64("spam_score")),
            spamReasons: reasons.isEmpty ? [] : reasons.components(separatedBy: "\n"),
            createdAt: try row.date("created_at"), staffAuthorID: try row.optionalInt64("staff_author_id"))
    }
}

/// A page of top-level comments and the approved replies beneath them, each thread's replies in time order.
public struct ThreadPage: Sendable {
    public var roots: [Comment]
    public var replies: [Comment]
    public var page: Page<Int64>
}
