import Foundation
import GazetteContent
import SQLKit

/// The newsroom's side of the subscribers: counts, search, export, import with consent dates, removal.
extension SubscriberStore {
    /// A subscriber as the newsroom's list and export show them.
    public struct Listed: Sendable, Equatable {
        public var id: Int64
        public var email: String
        public var status: SubscriberStatus
        public var createdAt: Date
        public var confirmedAt: Date?
        /// Where they gave consent ("subscribe form", "comment form", "import").
        public var consent: String
        /// Confirmed topics.
        public var topics: [SubscriptionTopic]
    }

    /// A subscriber brought from elsewhere, with the date and way they gave consent.
    public struct Imported: Sendable, Equatable {
        public var email: String
        public var topics: [SubscriptionTopic]
        public var consentedAt: Date
        public var consent: String
        /// `unsubscribed` or `bounced` elsewhere: kept, never mailed.
        public var status: SubscriberStatus

        public init(
            email: String, topics: [SubscriptionTopic], consentedAt: Date, consent: String,
            status: SubscriberStatus = .active
        ) {
            self.status = status
            self.email = email
            self.topics = topics
            self.consentedAt = consentedAt
            self.consent = consent
        }
    }

    public struct ImportResult: Sendable, Equatable {
        /// New addresses.
        public var added = 0
        /// Addresses already here that gained a topic.
        public var updated = 0
        /// Addresses that left or bounced here: not signed up again.
        public var refused = 0

        public init() {}
    }

    /// How many subscribers are in each state, and how many active ones follow a newsletter topic.
    public func counts() async throws -> (byStatus: [SubscriberStatus: Int], newsletterReaders: Int) {
        try await database.read { db in
            var counts: [SubscriberStatus: Int] = [:]
            for row in try await db.raw("SELECT status, COUNT(*) AS n FROM subscribers GROUP BY status").all() {
                if let status = SubscriberStatus(rawValue: try row.string("status")) {
                    counts[status] = Int(try row.int64("n"))
                }
            }
            let readers =
                try await db.raw(
                    """
                    SELECT COUNT(*) AS n FROM subscribers s WHERE s.status = 'active' AND EXISTS (
                        SELECT 1 FROM subscriptions t WHERE t.subscriber_id = s.id AND t.confirmed_at IS NOT NULL
                            AND t.topic NOT LIKE 'thread:%')
                    """
                ).first()?.int64("n") ?? 0
            return (counts, Int(readers))
        }
    }

    /// Subscribers whose address contains `search`, newest first; `after` pages by id for exports.
    public func list(
        search: String = "", limit: Int = 50, offset: Int = 0, afterID: Int64? = nil
    ) async throws
        -> [Listed]
    {
        try await database.read { db in
            let pattern =
                "%"
                + search.lowercased().replacingOccurrences(of: "%", with: "").replacingOccurrences(
                    of: "_", with: "") + "%"
            let order: SQLQueryString = afterID == nil ? " ORDER BY id DESC" : " ORDER BY id"
            let rows = try await db.raw(
                "SELECT * FROM subscribers WHERE email LIKE \(bind: pattern) AND id > \(bind: afterID ?? 0)" + order
                    + " LIMIT \(literal: limit) OFFSET \(literal: offset)"
            ).all()
            let ids = try rows.map { try $0.int64("id") }
            var topics: [Int64: [SubscriptionTopic]] = [:]
            if !ids.isEmpty {
                for row in try await db.raw(
                    """
                    SELECT subscriber_id, topic FROM subscriptions
                    WHERE subscriber_id IN (\(binds: ids)) AND confirmed_at IS NOT NULL ORDER BY topic
                    """
                ).all() {
                    if let topic = SubscriptionTopic(rawValue: try row.string("topic")) {
                        topics[try row.int64("subscriber_id"), default: []].append(topic)
                    }
                }
            }
            return try rows.map { row in
                let id = try row.int64("id")
                return Listed(
                    id: id, email: try row.string("email"),
                    status: SubscriberStatus(rawValue: try row.string("status")) ?? .active,
                    createdAt: try row.date("created_at"), confirmedAt: try row.optionalDate("confirmed_at"),
                    consent: try row.string("consent"), topics: topics[id] ?? [])
            }
        }
    }

    /// Whether the reader still takes mail about any of `topics` (checked as each newsletter copy is
    /// written, so one who left while it was being sent gets no more of it).
    public func stillFollows(subscriberID id: Int64, anyOf topics: [SubscriptionTopic]) async throws -> Bool {
        let names = topics.map(\.rawValue)
        return try await database.read { db in
            try await db.raw(
                "SELECT 1 AS yes FROM subscribers s JOIN subscriptions t ON t.subscriber_id = s.id"
                    + " WHERE s.id = \(bind: id) AND s.status = 'active' AND t.confirmed_at IS NOT NULL"
                    + " AND t.topic IN (\(binds: names.isEmpty ? [""] : names)) LIMIT 1"
            ).first() != nil
        }
    }

    /// Deletes a subscriber and everything they follow, for good (their request to be forgotten). Their
    /// queued mail is left to fail: nothing else holds the address.
    @discardableResult
    public func remove(id: Int64) async throws -> Bool {
        try await database.write { db in
            try await db.raw("DELETE FROM subscriptions WHERE subscriber_id = \(bind: id)").run()
            // Their newsletter copies go too, but for one being handed over right now (the sender finds
            // them gone and gives it up).
            try await db.raw(
                "DELETE FROM outbox WHERE subscriber_id = \(bind: id) AND status NOT IN ('sending', 'delivering')"
            ).run()
            return try await db.raw("DELETE FROM subscribers WHERE id = \(bind: id) RETURNING id").first() != nil
        }
    }

    /// Adds `rows` as confirmed subscribers, consent as given, in one transaction. An address that left
    /// or bounced here is not signed up again.
    public func importSubscribers(_ rows: [Imported], now: Date) async throws -> ImportResult {
        try await database.write { db in
            var result = ImportResult()
            for row in rows {
                let address = row.email.lowercased()
                let consented = row.consentedAt.storedSeconds
                let existing = try await db.raw(
                    "SELECT id, status FROM subscribers WHERE email = \(bind: address)"
                ).first()
                if row.status != .active {
                    if existing == nil {
                        try await db.raw(
                            "INSERT INTO subscribers (email, status, created_at, changed_at, consent) VALUES ("
                                + "\(bind: address), \(bind: row.status.rawValue), \(bind: now.storedSeconds), "
                                + "\(bind: now.storedSeconds), 'import')"
                        ).run()
                    }
                    result.refused += 1
                    continue
                }
                let id: Int64
                if let existing {
                    guard try existing.string("status") == SubscriberStatus.active.rawValue else {
                        result.refused += 1
                        continue
                    }
                    id = try existing.int64("id")
                } else {
                    guard
                        let new = try await db.raw(
                            """
                            INSERT INTO subscribers (email, status, created_at, changed_at, confirmed_at, consent)
                            VALUES (\(bind: address), 'active', \(bind: now.storedSeconds), \(bind: now.storedSeconds),
                                \(bind: consented), \(bind: row.consent))
                            RETURNING id
                            """
                        ).first()?.int64("id")
                    else { throw StorageError.unavailable("The subscriber was not stored.") }
                    id = new
                    result.added += 1
                }
                var gained = false
                for topic in Set(row.topics) {
                    gained =
                        try await db.raw(
                            """
                            INSERT INTO subscriptions (subscriber_id, topic, requested_at, confirmed_at)
                            VALUES (\(bind: id), \(bind: topic.rawValue), \(bind: consented), \(bind: consented))
                            ON CONFLICT (subscriber_id, topic) DO UPDATE SET confirmed_at = excluded.confirmed_at
                            WHERE subscriptions.confirmed_at IS NULL
                            RETURNING topic
                            """
                        ).first() != nil || gained
                }
                if existing != nil && gained { result.updated += 1 }
            }
            return result
        }
    }
}
