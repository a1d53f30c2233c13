import Foundation
import GazetteContent
import SQLKit

/// The feeds `gazette serve` reads on a schedule, and what each last run did.
public struct FeedSubscriptionStore: Sendable {
    private let database: Database

    public init(database: Database) {
        self.database = database
    }

    public struct Subscription: Sendable, Equatable {
        public var id: Int64
        /// An http(s) address or a file.
        public var location: String
        public var sourceName: String
        public var status: ArticleStatus
        public var authorID: Int64?
        public var everyMinutes: Int
        public var nextRunAt: Date
        public var lastRunAt: Date?
        public var lastResult: String
    }

    /// Adds a feed, first read at once; a location already subscribed is a conflict saying so.
    public func add(
        location: String, sourceName: String, status: ArticleStatus, authorID: Int64?, everyMinutes: Int, now: Date
    ) async throws -> Subscription {
        try await database.write { db in
            if try await db.raw("SELECT id FROM feed_subscriptions WHERE location = \(bind: location)").first() != nil {
                throw StorageError.conflict("\(location) is already read on a schedule; remove it first to change it.")
            }
            guard
                let row = try await db.raw(
                    """
                    INSERT INTO feed_subscriptions
                        (location, source_name, status, author_id, every_minutes, next_run_at, created_at)
                    VALUES (\(bind: location), \(bind: sourceName), \(bind: status.rawValue), \(bind: authorID),
                        \(bind: everyMinutes), \(bind: now.storedSeconds), \(bind: now.storedSeconds))
                    RETURNING *
                    """
                ).first()
            else { throw StorageError.unavailable("The new subscription got no id.") }
            return try Self.subscription(row)
        }
    }

    public func all() async throws -> [Subscription] {
        try await database.read { db in
            try await db.raw("SELECT * FROM feed_subscriptions ORDER BY source_name, id").all().map(Self.subscription)
        }
    }

    /// Removes the subscription with this location; false when there was none.
    public func remove(location: String) async throws -> Bool {
        try await database.write { db in
            try await db.raw("DELETE FROM feed_subscriptions WHERE location = \(bind: location) RETURNING id").first()
                != nil
        }
    }

    /// The subscriptions due at `now`, each moved to its next time in the same statement that finds it, so
    /// that of several instances only one reads a feed.
    public func claimDue(now: Date) async throws -> [Subscription] {
        let due = try await database.read { db in
            try await db.raw(
                "SELECT id FROM feed_subscriptions WHERE next_run_at <= \(bind: now.storedSeconds) ORDER BY next_run_at"
            ).all().map { try $0.int64("id") }
        }
        var claimed: [Subscription] = []
        for id in due {
            let row = try await database.write { db in
                try await db.raw(
                    """
                    UPDATE feed_subscriptions SET next_run_at = \(bind: now.storedSeconds) + every_minutes * 60
                    WHERE id = \(bind: id) AND next_run_at <= \(bind: now.storedSeconds)
                    RETURNING *
                    """
                ).first().map(Self.subscription)
            }
            if let row { claimed.append(row) }
        }
        return claimed
    }

    /// What a run found ("2 new, 5 already imported", or the error), and when.
    public func record(id: Int64, result: String, at time: Date) async throws {
        try await database.write { db in
            try await db.raw(
                """
                UPDATE feed_subscriptions SET last_run_at = \(bind: time.storedSeconds), last_result = \(bind: result)
                WHERE id = \(bind: id)
                """
            ).run()
        }
    }

    static func subscription(_ row: any SQLRow) throws -> Subscription {
        Subscription(
            id: try row.int64("id"), location: try row.string("location"), sourceName: try row.string("source_name"),
            status: ArticleStatus(rawValue: try row.string("status")) ?? .draft,
            authorID: try row.optionalInt64("author_id"), everyMinutes: Int(try row.int64("every_minutes")),
            nextRunAt: try row.date("next_run_at"), lastRunAt: try row.optionalDate("last_run_at"),
            lastResult: try row.string("last_result"))
    }
}
