import Foundation
import SQLKit

/// The outbox table (see `M021Outbox`). A message goes `waiting` → `sending` (claimed by one instance for
/// a while) → `delivering` (its whole text is with the server, all but the final dot) → `sent`; or back to
/// `waiting` with a later attempt time, or to `failed` for good. After a crash, `sending` messages whose
/// claim ran out are sent again (the server never had them whole), and `delivering` ones count as sent.
public struct OutboxStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// A message to queue: `eventKey` names what caused it ("reset:<link>", "newsletter:42"); an event
    /// queues at most one message per recipient.
    public struct NewMail: Sendable, Equatable {
        public var eventKey: String
        public var recipient: String
        public var sender: String
        public var message: [UInt8]

        public init(eventKey: String, recipient: String, sender: String, message: [UInt8]) {
            self.eventKey = eventKey
            self.recipient = recipient
            self.sender = sender
            self.message = message
        }
    }

    /// A message claimed for sending.
    public struct Claimed: Sendable, Equatable {
        public var id: Int64
        public var recipient: String
        public var sender: String
        public var message: [UInt8]
        /// Attempts so far, this one included.
        public var attempts: Int
        /// A newsletter's message is written at send time from the newsletter and the subscriber; its
        /// `message` is empty.
        public var newsletterID: Int64? = nil
        public var subscriberID: Int64? = nil
    }

    /// Queues `mail` inside the caller's transaction, so it exists exactly when the event does. Returns
    /// false when this event already queued a message for this recipient.
    @discardableResult
    public static func enqueue(_ mail: NewMail, now: Date, in db: any SQLDatabase) async throws -> Bool {
        try await db.raw(
            """
            INSERT INTO outbox (event_key, recipient, sender, message, created_at, next_attempt_at)
            VALUES (\(bind: mail.eventKey), \(bind: mail.recipient), \(bind: mail.sender),
                \(bind: String(decoding: mail.message, as: UTF8.self)), \(bind: now.storedSeconds),
                \(bind: now.storedSeconds))
            ON CONFLICT (event_key, recipient) DO NOTHING
            RETURNING id
            """
        ).first() != nil
    }

    /// Queues `mail` in a transaction of its own.
    @discardableResult
    public func enqueue(_ mail: NewMail, now: Date) async throws -> Bool {
        try await database.write { db in try await Self.enqueue(mail, now: now, in: db) }
    }

    /// Whether anything is due now: a read, so a sender with nothing to do never takes the write lock.
    public func hasDue(now: Date) async throws -> Bool {
        try await database.read { db in
            try await db.raw(
                """
                SELECT id FROM outbox
                WHERE (status = 'waiting' AND next_attempt_at <= \(bind: now.storedSeconds))
                    OR (status = 'sending' AND claimed_until < \(bind: now.storedSeconds))
                LIMIT 1
                """
            ).first() != nil
        }
    }

    /// Claims up to `limit` messages due now for `seconds`: waiting ones whose time has come, and ones
    /// whose sender stopped before finishing (a claim that ran out while `sending`). Several instances
    /// each get different ones.
    public func claim(limit: Int, now: Date, for seconds: TimeInterval) async throws -> [Claimed] {
        let skipLocked: SQLQueryString = database.dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        return try await database.write { db in
            try await db.raw(
                """
                UPDATE outbox SET status = 'sending', attempts = attempts + 1,
                    claimed_until = \(bind: now.addingTimeInterval(seconds).storedSeconds)
                WHERE id IN (
                    SELECT id FROM outbox
                    WHERE (status = 'waiting' AND next_attempt_at <= \(bind: now.storedSeconds))
                        OR (status = 'sending' AND claimed_until < \(bind: now.storedSeconds))
                    ORDER BY id LIMIT \(literal: limit)
                """ + skipLocked
                    + ") RETURNING id, recipient, sender, message, attempts, newsletter_id, subscriber_id"
            ).all().map { row in
                Claimed(
                    id: try row.int64("id"), recipient: try row.string("recipient"), sender: try row.string("sender"),
                    message: Array(try row.string("message").utf8), attempts: Int(try row.int64("attempts")),
                    newsletterID: try row.optionalInt64("newsletter_id"),
                    subscriberID: try row.optionalInt64("subscriber_id"))
            }.sorted { $0.id < $1.id }
        }
    }

    /// The server has the whole message but the final dot: from now on it counts as sent.
    public func markDelivering(id: Int64) async throws {
        try await set("status = 'delivering'", id: id)
    }

    public func markSent(id: Int64, now: Date) async throws {
        try await set("status = 'sent', sent_at = \(bind: now.storedSeconds), last_error = ''", id: id)
    }

    /// Tries again at `retryAt`, or gives up for good when it is nil; `error` says why, for the newsroom.
    public func markFailed(id: Int64, error: String, retryAt: Date?) async throws {
        let text = String(error.prefix(500))
        if let retryAt {
            try await set(
                "status = 'waiting', next_attempt_at = \(bind: retryAt.storedSeconds), last_error = \(bind: text)",
                id: id)
        } else {
            try await set("status = 'failed', last_error = \(bind: text)", id: id)
        }
    }

    private func set(_ change: SQLQueryString, id: Int64) async throws {
        try await database.write { db in
            try await db.raw("UPDATE outbox SET " + change + " WHERE id = \(bind: id)").run()
        }
    }

    /// Where one event's message to `recipient` stands (`waiting`, `sent`, `failed`…) and its last error;
    /// nil when there is none.
    public func state(eventKey: String, recipient: String) async throws -> (status: String, lastError: String)? {
        try await database.read { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT status, last_error FROM outbox
                    WHERE event_key = \(bind: eventKey) AND recipient = \(bind: recipient)
                    """
                ).first()
            else { return nil }
            return (try row.string("status"), try row.string("last_error"))
        }
    }

    /// How many messages are in each state.
    public func counts() async throws -> [String: Int] {
        try await database.read { db in
            var counts: [String: Int] = [:]
            for row in try await db.raw("SELECT status, COUNT(*) AS n FROM outbox GROUP BY status").all() {
                counts[try row.string("status")] = Int(try row.int64("n"))
            }
            return counts
        }
    }

    /// How many messages to `recipient` were queued since `since` for events starting with `prefix`, for
    /// rate limits ("three reset links an hour").
    public func queuedCount(recipient: String, eventPrefix prefix: String, since: Date) async throws -> Int {
        try await database.read { db in
            Int(
                try await db.raw(
                    """
                    SELECT COUNT(*) AS n FROM outbox WHERE recipient = \(bind: recipient)
                        AND event_key LIKE \(bind: prefix + "%") AND created_at >= \(bind: since.storedSeconds)
                    """
                ).first()?.int64("n") ?? 0)
        }
    }
}
