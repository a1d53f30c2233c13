import Foundation
import GazetteContent
import SQLKit

/// Newsletters (migration 24): `waiting` until their time → `sending` once rendered, while they are fanned
/// out into the outbox a batch per transaction → `queued` when every subscriber has their outbox row (the
/// mail sender takes it from there); or `cancelled` when their article was taken down before they went.
public struct NewsletterStore: Sendable {
    private let database: Database

    public init(database: Database) {
        self.database = database
    }

    public enum Kind: String, Sendable {
        case article
        case digest
    }

    /// A newsletter as the sender and the newsroom see it.
    public struct Newsletter: Sendable, Equatable {
        public var id: Int64
        public var kind: Kind
        public var articleID: Int64?
        public var audience: [SubscriptionTopic]
        public var sendAfter: Date
        public var status: String
        public var subject: String
        public var html: String
        public var text: String
        /// Stands in the rendered text where each reader's own unsubscribe address goes.
        public var marker: String
        public var recipients: Int
        public var finishedAt: Date?
    }

    /// Asks for article `articleID` to go to its subscribers once it is out (at `sendAfter`), inside the
    /// transaction that publishes or schedules it. An article goes out once: asking again changes nothing.
    static func requestArticle(
        _ articleID: Int64, sendAfter: Date, by userID: Int64?, now: Date, in db: any SQLDatabase
    ) async throws {
        try await db.raw(
            """
            INSERT INTO newsletters (kind, article_id, audience, send_after, created_at, created_by)
            VALUES ('article', \(bind: articleID), '', \(bind: sendAfter.storedSeconds), \(bind: now.storedSeconds),
                \(bind: userID))
            ON CONFLICT (article_id) WHERE kind = 'article' DO UPDATE SET send_after = excluded.send_after
            WHERE newsletters.status = 'waiting'
            """
        ).run()
    }

    /// Asks for an article's newsletter in a transaction of its own (`gazette newsletter send`).
    public func requestArticle(_ articleID: Int64, sendAfter: Date, now: Date) async throws {
        try await database.write { db in
            try await Self.requestArticle(articleID, sendAfter: sendAfter, by: nil, now: now, in: db)
        }
    }

    /// Newsletters, newest first.
    public func recent(limit: Int = 20) async throws -> [Newsletter] {
        try await database.read { db in
            try await db.raw("SELECT * FROM newsletters ORDER BY id DESC LIMIT \(literal: limit)").all()
                .map(Self.newsletter)
        }
    }

    /// The digest for `period` (`daily:2026-12-03`, `weekly:2026-11-30`), for `audience`, from now; once
    /// per period however many instances ask. Returns false when it was already there.
    @discardableResult
    public func createDigest(period: String, audience: [SubscriptionTopic], now: Date) async throws -> Bool {
        try await database.write { db in
            try await db.raw(
                """
                INSERT INTO newsletters (kind, period, audience, send_after, created_at)
                VALUES ('digest', \(bind: period), \(bind: Self.text(audience)), \(bind: now.storedSeconds),
                    \(bind: now.storedSeconds))
                ON CONFLICT (period) WHERE kind = 'digest' DO NOTHING
                RETURNING id
                """
            ).first() != nil
        }
    }

    /// When the digest before `id` was made, if there was one.
    public func previousDigest(before id: Int64) async throws -> Date? {
        try await database.read { db in
            try await db.raw(
                """
                SELECT created_at FROM newsletters WHERE kind = 'digest' AND id < \(bind: id)
                    AND status <> 'cancelled'
                ORDER BY id DESC LIMIT 1
                """
            ).first()?.date("created_at")
        }
    }

    /// The article's newsletter, if it was asked for.
    public func forArticle(_ articleID: Int64) async throws -> Newsletter? {
        try await database.read { db in
            try await db.raw("SELECT * FROM newsletters WHERE kind = 'article' AND article_id = \(bind: articleID)")
                .first().map(Self.newsletter)
        }
    }

    public func find(id: Int64) async throws -> Newsletter? {
        try await database.read { db in
            try await db.raw("SELECT * FROM newsletters WHERE id = \(bind: id)").first().map(Self.newsletter)
        }
    }

    /// Waiting newsletters whose time has come, and ones a stopped instance was fanning out.
    public func due(now: Date) async throws -> [Newsletter] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT * FROM newsletters
                WHERE (status = 'waiting' AND send_after <= \(bind: now.storedSeconds)) OR status = 'sending'
                ORDER BY id
                """
            ).all().map(Self.newsletter)
        }
    }

    /// Fixes what a waiting newsletter says (rendered once, now) and to whom; from here it is sent.
    public func begin(
        id: Int64, subject: String, html: String, text: String, marker: String, audience: [SubscriptionTopic]
    ) async throws {
        try await database.write { db in
            try await db.raw(
                """
                UPDATE newsletters SET status = 'sending', subject = \(bind: subject), html = \(bind: html),
                    text_body = \(bind: text), marker = \(bind: marker), audience = \(bind: Self.text(audience))
                WHERE id = \(bind: id) AND status = 'waiting'
                """
            ).run()
        }
    }

    /// A waiting newsletter whose article is no longer out: not sent.
    public func cancel(id: Int64, now: Date) async throws {
        try await database.write { db in
            try await db.raw(
                """
                UPDATE newsletters SET status = 'cancelled', finished_at = \(bind: now.storedSeconds)
                WHERE id = \(bind: id) AND status = 'waiting'
                """
            ).run()
        }
    }

    /// Puts the next `batch` subscribers in the outbox, in one transaction with the cursor that remembers
    /// them; returns how many. Past the last subscriber the newsletter is `queued`.
    @discardableResult
    public func fanOut(id: Int64, batch: Int, sender: String, now: Date) async throws -> Int {
        let lock = database.dialect == .postgres ? " FOR UPDATE" : ""
        return try await database.write { db in
            guard
                let row = try await db.raw(
                    "SELECT * FROM newsletters WHERE id = \(bind: id) AND status = 'sending'" + SQLQueryString(lock)
                ).first()
            else { return 0 }
            let newsletter = try Self.newsletter(row)
            let cursor = try row.int64("cursor_id")
            let topics = newsletter.audience.map(\.rawValue)
            let recipients = try await db.raw(
                """
                SELECT s.id, s.email FROM subscribers s
                WHERE s.status = 'active' AND s.id > \(bind: cursor) AND EXISTS (
                    SELECT 1 FROM subscriptions t WHERE t.subscriber_id = s.id AND t.confirmed_at IS NOT NULL
                        AND t.topic IN (\(binds: topics.isEmpty ? [""] : topics)))
                ORDER BY s.id LIMIT \(literal: batch)
                """
            ).all().map { (id: try $0.int64("id"), email: try $0.string("email")) }
            for recipient in recipients {
                try await db.raw(
                    """
                    INSERT INTO outbox (event_key, recipient, sender, message, created_at, next_attempt_at,
                        newsletter_id, subscriber_id)
                    VALUES (\(bind: "newsletter:\(id)"), \(bind: recipient.email), \(bind: sender), '',
                        \(bind: now.storedSeconds), \(bind: now.storedSeconds), \(bind: id), \(bind: recipient.id))
                    ON CONFLICT (event_key, recipient) DO NOTHING
                    """
                ).run()
            }
            let finished = recipients.count < batch
            try await db.raw(
                """
                UPDATE newsletters SET cursor_id = \(bind: recipients.last?.id ?? cursor),
                    recipients = recipients + \(bind: recipients.count),
                    status = \(bind: finished ? "queued" : "sending"),
                    finished_at = \(bind: finished ? now.storedSeconds : nil)
                WHERE id = \(bind: id)
                """
            ).run()
            return recipients.count
        }
    }

    /// How many of a newsletter's messages are in each outbox state (`sent`, `waiting`, `failed`…).
    public func delivery(id: Int64) async throws -> [String: Int] {
        try await database.read { db in
            var counts: [String: Int] = [:]
            for row in try await db.raw(
                "SELECT status, COUNT(*) AS n FROM outbox WHERE newsletter_id = \(bind: id) GROUP BY status"
            ).all() {
                counts[try row.string("status")] = Int(try row.int64("n"))
            }
            return counts
        }
    }

    static func text(_ topics: [SubscriptionTopic]) -> String {
        topics.map(\.rawValue).joined(separator: "\n")
    }

    static func newsletter(_ row: any SQLRow) throws -> Newsletter {
        Newsletter(
            id: try row.int64("id"), kind: Kind(rawValue: try row.string("kind")) ?? .article,
            articleID: try row.optionalInt64("article_id"),
            audience: try row.string("audience").split(separator: "\n").compactMap {
                SubscriptionTopic(rawValue: String($0))
            },
            sendAfter: try row.date("send_after"), status: try row.string("status"),
            subject: try row.string("subject"), html: try row.string("html"), text: try row.string("text_body"),
            marker: try row.string("marker"), recipients: Int(try row.int64("recipients")),
            finishedAt: try row.optionalDate("finished_at"))
    }
}
