import Foundation
import GazetteContent
import SQLKit

extension WebhookStore {
    /// A delivery claimed for sending, with what its endpoint needs now (its address and secret are read at
    /// send time, so a rolled secret or a corrected address applies to deliveries already queued).
    public struct Claimed: Sendable, Equatable {
        public var id: Int64
        public var key: String
        public var event: String
        public var payload: String
        /// Attempts so far, this one included.
        public var attempts: Int
        public var giveUpAt: Date
        public var url: String
        public var secret: String
    }

    /// How one delivery stands, for the newsroom's log.
    public struct Delivery: Sendable, Equatable {
        public var id: Int64
        public var endpointID: Int64
        public var key: String
        public var event: String
        public var status: String
        public var attempts: Int
        public var responseStatus: Int?
        public var responseMilliseconds: Int?
        public var lastError: String
        public var createdAt: Date
        public var lastAttemptAt: Date?
        public var nextAttemptAt: Date?
        public var payload: String
    }

    /// Whether anything is due: a read, so an idle sender never takes the write lock.
    public func hasDue(now: Date) async throws -> Bool {
        try await database.read { db in
            try await db.raw("SELECT id FROM webhook_deliveries WHERE " + Self.due(now) + " LIMIT 1").first() != nil
        }
    }

    private static func due(_ now: Date) -> SQLQueryString {
        """
        ((status = 'waiting' AND next_attempt_at <= \(bind: now.storedSeconds))
            OR (status = 'sending' AND claimed_until < \(bind: now.storedSeconds)))
        """
    }

    /// Claims up to `limit` due deliveries for `seconds`: waiting ones whose time has come, and ones whose
    /// sender stopped before recording an answer (its claim ran out). Those are sent again: a receiver
    /// de-duplicates on the delivery id, so at least once is the promise, never "maybe not at all".
    public func claim(limit: Int, now: Date, for seconds: TimeInterval) async throws -> [Claimed] {
        let skipLocked: SQLQueryString = database.dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        return try await database.write { db in
            let ids = try await db.raw(
                "SELECT id FROM webhook_deliveries WHERE " + Self.due(now) + " ORDER BY id LIMIT \(literal: limit)"
                    + skipLocked
            ).all().map { try $0.int64("id") }
            guard !ids.isEmpty else { return [] }
            try await db.raw(
                """
                UPDATE webhook_deliveries SET status = 'sending', attempts = attempts + 1,
                    claimed_until = \(bind: now.addingTimeInterval(seconds).storedSeconds)
                WHERE id IN (\(binds: ids))
                """
            ).run()
            return try await db.raw(
                """
                SELECT d.id, d.delivery_key, d.event, d.payload, d.attempts, d.give_up_at, e.url, e.secret
                FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
                WHERE d.id IN (\(binds: ids)) ORDER BY d.id
                """
            ).all().map { row in
                Claimed(
                    id: try row.int64("id"), key: try row.string("delivery_key"), event: try row.string("event"),
                    payload: try row.string("payload"), attempts: Int(try row.int64("attempts")),
                    giveUpAt: try row.date("give_up_at"), url: try row.string("url"), secret: try row.string("secret"))
            }
        }
    }

    /// The receiver answered 2xx.
    public func markDelivered(id: Int64, status: Int, milliseconds: Int, now: Date) async throws {
        try await set(
            """
            status = 'delivered', response_status = \(bind: status), response_ms = \(bind: milliseconds),
            last_error = '', last_attempt_at = \(bind: now.storedSeconds), delivered_at = \(bind: now.storedSeconds)
            """, id: id)
    }

    /// An attempt failed: tried again at `retryAt`, or given up when it is nil. `status` is the receiver's
    /// answer when there was one.
    public func markFailed(
        id: Int64, status: Int?, milliseconds: Int?, error: String, retryAt: Date?, now: Date
    ) async throws {
        let state: SQLQueryString =
            retryAt.map { "status = 'waiting', next_attempt_at = \(bind: $0.storedSeconds)" } ?? "status = 'failed'"
        try await set(
            state
                + """
                , response_status = \(bind: status), response_ms = \(bind: milliseconds),
                last_error = \(bind: String(error.prefix(500))), last_attempt_at = \(bind: now.storedSeconds)
                """, id: id)
    }

    /// "Send again": the same payload (same delivery id) queued again now, tried for another `triesFor`
    /// seconds. A delivery being sent at this moment is left to its sender. Returns false when nothing was
    /// queued.
    public func resend(id: Int64, now: Date, triesFor: TimeInterval = 86_400) async throws -> Bool {
        try await database.write { db in
            try await db.raw(
                """
                UPDATE webhook_deliveries SET status = 'waiting', next_attempt_at = \(bind: now.storedSeconds),
                    give_up_at = \(bind: now.addingTimeInterval(triesFor).storedSeconds), claimed_until = 0
                WHERE id = \(bind: id) AND status <> 'sending' RETURNING id
                """
            ).first() != nil
        }
    }

    private func set(_ change: SQLQueryString, id: Int64) async throws {
        try await database.write { db in
            try await db.raw("UPDATE webhook_deliveries SET " + change + " WHERE id = \(bind: id)").run()
        }
    }

    /// An endpoint's deliveries, newest first.
    public func deliveries(endpointID: Int64, limit: Int, offset: Int = 0) async throws -> [Delivery] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT * FROM webhook_deliveries WHERE endpoint_id = \(bind: endpointID)
                ORDER BY id DESC LIMIT \(literal: limit) OFFSET \(literal: offset)
                """
            ).all().map(Self.delivery)
        }
    }

    public func delivery(id: Int64) async throws -> Delivery? {
        try await database.read { db in
            try await db.raw("SELECT * FROM webhook_deliveries WHERE id = \(bind: id)").first().map(Self.delivery)
        }
    }

    /// Keeps the log bounded: delivered and failed deliveries older than `cutoff` go. Returns how many.
    @discardableResult
    public func purge(before cutoff: Date) async throws -> Int {
        try await database.write { db in
            try await db.raw(
                """
                DELETE FROM webhook_deliveries
                WHERE status IN ('delivered', 'failed') AND created_at < \(bind: cutoff.storedSeconds)
                RETURNING id
                """
            ).all().count
        }
    }

    /// How many deliveries are in each state.
    public func counts() async throws -> [String: Int] {
        try await database.read { db in
            var counts: [String: Int] = [:]
            for row in try await db.raw("SELECT status, COUNT(*) AS n FROM webhook_deliveries GROUP BY status").all() {
                counts[try row.string("status")] = Int(try row.int64("n"))
            }
            return counts
        }
    }

    static func delivery(_ row: any SQLRow) throws -> Delivery {
        let status = try row.string("status")
        return Delivery(
            id: try row.int64("id"), endpointID: try row.int64("endpoint_id"), key: try row.string("delivery_key"),
            event: try row.string("event"), status: status, attempts: Int(try row.int64("attempts")),
            responseStatus: try row.optionalInt64("response_status").map(Int.init),
            responseMilliseconds: try row.optionalInt64("response_ms").map(Int.init),
            lastError: try row.string("last_error"), createdAt: try row.date("created_at"),
            lastAttemptAt: try row.optionalDate("last_attempt_at"),
            nextAttemptAt: status == "waiting" ? try row.date("next_attempt_at") : nil,
            payload: try row.string("payload"))
    }
}
