import Foundation
import GazetteContent
import SQLKit

/// Readers' subscriptions (migration 23): asking, confirming, leaving, and whom news of a topic reaches.
/// Every message is queued in the transaction of what causes it.
public struct SubscriberStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// A reader an email goes to.
    public struct Recipient: Sendable, Equatable {
        public var id: Int64
        public var email: String
    }

    /// Writes the email one reader gets for a notice; nil to send none.
    public typealias Writer = @Sendable (ReaderNotice, Recipient) -> OutboxStore.NewMail?

    /// A topic asked for but not confirmed within this long is forgotten.
    public static let confirmationDays = 7

    /// One reader, as their own page shows them.
    public struct Subscriber: Sendable, Equatable {
        public var id: Int64
        public var email: String
        public var status: SubscriberStatus
        public var confirmedAt: Date?
        /// Confirmed topics, with their names.
        public var following: [ReaderNotice.NamedTopic]
        /// Asked for, waiting for the reader to confirm.
        public var waiting: [ReaderNotice.NamedTopic]
    }

    public enum RequestOutcome: Sendable, Equatable {
        /// A confirmation email is on its way (or went out within the hour).
        case confirmationSent
        /// Every topic asked for is already confirmed: nothing to do.
        case alreadyFollowing
        /// The address's mail server refused it for good; nothing is sent to it.
        case refused
    }

    /// `email` asks to follow `topics` (`consent` says where: "comment form", "subscribe form"): the topics
    /// are recorded unconfirmed and one confirmation email is queued, at most one an hour per address.
    public func request(
        email: String, topics: [SubscriptionTopic], consent: String, now: Date, writer: @escaping Writer
    ) async throws -> RequestOutcome {
        let address = email.lowercased()
        return try await database.write { db in
            try await db.raw(
                """
                INSERT INTO subscribers (email, status, created_at, changed_at, consent)
                VALUES (\(bind: address), 'active', \(bind: now.storedSeconds), \(bind: now.storedSeconds),
                    \(bind: consent))
                ON CONFLICT (email) DO NOTHING
                """
            ).run()
            guard
                let row = try await db.raw("SELECT id, status FROM subscribers WHERE email = \(bind: address)").first()
            else { throw StorageError.unavailable("The subscriber was not stored.") }
            let id = try row.int64("id")
            if try row.string("status") == SubscriberStatus.bounced.rawValue { return .refused }
            for topic in Set(topics) {
                try await db.raw(
                    """
                    INSERT INTO subscriptions (subscriber_id, topic, requested_at)
                    VALUES (\(bind: id), \(bind: topic.rawValue), \(bind: now.storedSeconds))
                    ON CONFLICT (subscriber_id, topic) DO UPDATE SET requested_at = excluded.requested_at
                    WHERE subscriptions.confirmed_at IS NULL
                    """
                ).run()
            }
            let waiting = try await Self.topics(of: id, confirmed: false, in: db)
                .filter { topics.contains($0.topic) }
            guard !waiting.isEmpty else { return .alreadyFollowing }
            let window = "\(id):\(Int64(now.timeIntervalSince1970) / 3_600)"
            if let mail = writer(.confirm(topics: waiting, window: window), Recipient(id: id, email: address)) {
                try await OutboxStore.enqueue(mail, now: now, in: db)
            }
            return .confirmationSent
        }
    }

    /// The reader confirms: every topic asked for in the last week becomes theirs, and an address that had
    /// left or bounced is usable again (they just showed it receives mail). Returns what was confirmed.
    public func confirm(subscriberID id: Int64, now: Date) async throws -> [ReaderNotice.NamedTopic] {
        let since = now.addingTimeInterval(-Double(Self.confirmationDays) * 86_400).storedSeconds
        return try await database.write { db in
            let waiting = try await Self.topics(of: id, confirmed: false, in: db)
            guard !waiting.isEmpty else { return [] }
            try await db.raw(
                """
                UPDATE subscriptions SET confirmed_at = \(bind: now.storedSeconds)
                WHERE subscriber_id = \(bind: id) AND confirmed_at IS NULL AND requested_at >= \(bind: since)
                """
            ).run()
            try await db.raw(
                """
                UPDATE subscribers SET status = 'active', stop_reason = '', changed_at = \(bind: now.storedSeconds),
                    confirmed_at = COALESCE(confirmed_at, \(bind: now.storedSeconds))
                WHERE id = \(bind: id)
                """
            ).run()
            let confirmed = Set(try await Self.topics(of: id, confirmed: true, in: db).map(\.topic))
            return waiting.filter { confirmed.contains($0.topic) }
        }
    }

    public func id(email: String) async throws -> Int64? {
        try await database.read { db in
            try await db.raw("SELECT id FROM subscribers WHERE email = \(bind: email.lowercased())").first()?.int64(
                "id")
        }
    }

    public func subscriber(id: Int64) async throws -> Subscriber? {
        try await database.read { db in
            guard
                let row = try await db.raw(
                    "SELECT id, email, status, confirmed_at FROM subscribers WHERE id = \(bind: id)"
                ).first()
            else { return nil }
            return Subscriber(
                id: id, email: try row.string("email"),
                status: SubscriberStatus(rawValue: try row.string("status")) ?? .active,
                confirmedAt: try row.optionalDate("confirmed_at"),
                following: try await Self.topics(of: id, confirmed: true, in: db),
                waiting: try await Self.topics(of: id, confirmed: false, in: db))
        }
    }

    /// Stops `topics`, or everything when nil (with nothing left, the address is kept as unsubscribed, so
    /// an import does not sign it up again). Returns false when there was no such subscriber.
    @discardableResult
    public func unsubscribe(subscriberID id: Int64, from topics: [SubscriptionTopic]?, now: Date) async throws -> Bool {
        try await database.write { db in
            guard try await db.raw("SELECT id FROM subscribers WHERE id = \(bind: id)").first() != nil else {
                return false
            }
            if let topics {
                let names = topics.map(\.rawValue)
                try await db.raw(
                    """
                    DELETE FROM subscriptions
                    WHERE subscriber_id = \(bind: id) AND topic IN (\(binds: names.isEmpty ? [""] : names))
                    """
                ).run()
            } else {
                try await db.raw("DELETE FROM subscriptions WHERE subscriber_id = \(bind: id)").run()
            }
            if try await db.raw("SELECT topic FROM subscriptions WHERE subscriber_id = \(bind: id) LIMIT 1").first()
                == nil
            {
                try await db.raw(
                    """
                    UPDATE subscribers SET status = 'unsubscribed', changed_at = \(bind: now.storedSeconds)
                    WHERE id = \(bind: id) AND status = 'active'
                    """
                ).run()
            }
            return true
        }
    }

    /// The address's mail server refused it for good: no more mail to it. Returns whether it was a reader's.
    @discardableResult
    public func markBounced(email: String, reason: String, now: Date) async throws -> Bool {
        try await database.write { db in
            try await db.raw(
                """
                UPDATE subscribers SET status = 'bounced', stop_reason = \(bind: String(reason.prefix(300))),
                    changed_at = \(bind: now.storedSeconds)
                WHERE email = \(bind: email.lowercased())
                RETURNING id
                """
            ).first() != nil
        }
    }

    /// Forgets topics asked for and never confirmed, and addresses left with nothing never confirmed.
    @discardableResult
    public func purgeUnconfirmed(now: Date) async throws -> Int {
        let before = now.addingTimeInterval(-Double(Self.confirmationDays) * 86_400).storedSeconds
        return try await database.write { db in
            let gone = try await db.raw(
                """
                DELETE FROM subscriptions WHERE confirmed_at IS NULL AND requested_at < \(bind: before)
                RETURNING subscriber_id
                """
            ).all().count
            try await db.raw(
                """
                DELETE FROM subscribers WHERE confirmed_at IS NULL AND created_at < \(bind: before)
                    AND NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.subscriber_id = subscribers.id)
                """
            ).run()
            return gone
        }
    }

    // MARK: Inside other writes

    /// Queues news of an approved comment to the readers who confirmed they follow its article, but not to
    /// its own author; inside the transaction that approved it.
    static func queueCommentNews(_ comment: Comment, writer: Writer, now: Date, in db: any SQLDatabase) async throws {
        guard comment.status == .approved,
            let article = try await db.raw(
                "SELECT title, publish_day, slug FROM articles WHERE id = \(bind: comment.articleID)"
            ).first(),
            let day = PublicationDay(isoDate: try article.string("publish_day"))
        else { return }
        let news = ReaderNotice.CommentNews(
            commentID: comment.id, articleID: comment.articleID, articleTitle: try article.string("title"), day: day,
            slug: Slug(trusted: try article.string("slug")), authorName: comment.authorName,
            excerpt: String(comment.body.prefix(500)))
        let rows = try await db.raw(
            """
            SELECT s.id, s.email FROM subscriptions t JOIN subscribers s ON s.id = t.subscriber_id
            WHERE t.topic = \(bind: SubscriptionTopic.thread(articleID: comment.articleID).rawValue)
                AND t.confirmed_at IS NOT NULL AND s.status = 'active'
                AND s.email <> \(bind: comment.authorEmail.lowercased())
            ORDER BY s.id
            """
        ).all()
        for row in rows {
            let recipient = Recipient(id: try row.int64("id"), email: try row.string("email"))
            if let mail = writer(.newComment(news), recipient) { try await OutboxStore.enqueue(mail, now: now, in: db) }
        }
    }

    // MARK: Reading

    /// A subscriber's topics, confirmed or waiting, with the names readers know them by.
    static func topics(of id: Int64, confirmed: Bool, in db: any SQLDatabase) async throws -> [ReaderNotice.NamedTopic]
    {
        let condition: SQLQueryString = confirmed ? "confirmed_at IS NOT NULL" : "confirmed_at IS NULL"
        let topics = try await db.raw(
            "SELECT topic FROM subscriptions WHERE subscriber_id = \(bind: id) AND " + condition + " ORDER BY topic"
        ).all().compactMap { SubscriptionTopic(rawValue: try $0.string("topic")) }
        var named: [ReaderNotice.NamedTopic] = []
        for topic in topics { named.append(.init(topic: topic, name: try await name(of: topic, in: db))) }
        return named
    }

    static func name(of topic: SubscriptionTopic, in db: any SQLDatabase) async throws -> String {
        func lookup(_ query: SQLQueryString, column: String) async throws -> String? {
            try await db.raw(query).first()?.string(column)
        }
        switch topic {
        case .site: return "Every new article"
        case .digest: return "The digest of the latest articles"
        case .thread(let id):
            let title = try await lookup("SELECT title FROM articles WHERE id = \(bind: id)", column: "title")
            return "Comments on “\(title ?? "an article")”"
        case .category(let slug):
            let name = try await lookup("SELECT name FROM categories WHERE slug = \(bind: slug.value)", column: "name")
            return "Section: \(name ?? slug.value)"
        case .tag(let slug):
            let name = try await lookup("SELECT name FROM tags WHERE slug = \(bind: slug.value)", column: "name")
            return "Tag: \(name ?? slug.value)"
        case .author(let slug):
            let name = try await lookup("SELECT name FROM authors WHERE slug = \(bind: slug.value)", column: "name")
            return "Articles by \(name ?? slug.value)"
        }
    }
}
