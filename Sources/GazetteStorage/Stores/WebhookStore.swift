import Foundation
import GazetteContent
import SQLKit

/// Webhook endpoints and their deliveries (migration 26). Deliveries are queued by the article and comment
/// stores inside the transaction of their change (`WebhookQueue`), and claimed by senders as the outbox's
/// messages are, so several instances and a killed one neither lose nor double a delivery's attempt.
public struct WebhookStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// A registered endpoint. `secret` signs its deliveries; only the endpoint's own screen shows it.
    public struct Endpoint: Sendable, Equatable {
        public var id: Int64
        public var url: String
        public var description: String
        public var events: Set<WebhookEvent>
        public var isActive: Bool
        public var secret: String
        public var createdAt: Date
    }

    public func create(_ form: WebhookEndpointForm, secret: String, now: Date) async throws -> Int64 {
        try await database.write { db in
            guard
                let row = try await db.raw(
                    """
                    INSERT INTO webhook_endpoints (url, description, events, active, secret, created_at, updated_at)
                    VALUES (\(bind: form.url), \(bind: form.description), \(bind: form.events.stored),
                        \(bind: form.isActive ? 1 : 0), \(bind: secret), \(bind: now.storedSeconds),
                        \(bind: now.storedSeconds))
                    RETURNING id
                    """
                ).first()
            else { throw StorageError.unavailable("The new webhook endpoint got no id.") }
            return try row.int64("id")
        }
    }

    /// Changes what an endpoint receives; false when there is no such endpoint.
    @discardableResult
    public func update(id: Int64, _ form: WebhookEndpointForm, now: Date) async throws -> Bool {
        try await database.write { db in
            try await db.raw(
                """
                UPDATE webhook_endpoints SET url = \(bind: form.url), description = \(bind: form.description),
                    events = \(bind: form.events.stored), active = \(bind: form.isActive ? 1 : 0),
                    updated_at = \(bind: now.storedSeconds)
                WHERE id = \(bind: id) RETURNING id
                """
            ).first() != nil
        }
    }

    /// A new secret, from the next delivery on (deliveries are signed when sent, not when queued).
    @discardableResult
    public func setSecret(id: Int64, _ secret: String, now: Date) async throws -> Bool {
        try await database.write { db in
            try await db.raw(
                """
                UPDATE webhook_endpoints SET secret = \(bind: secret), updated_at = \(bind: now.storedSeconds)
                WHERE id = \(bind: id) RETURNING id
                """
            ).first() != nil
        }
    }

    /// Removes an endpoint with its delivery log; what was still queued for it is not sent.
    @discardableResult
    public func remove(id: Int64) async throws -> Bool {
        try await database.write { db in
            try await db.raw("DELETE FROM webhook_deliveries WHERE endpoint_id = \(bind: id)").run()
            return try await db.raw("DELETE FROM webhook_endpoints WHERE id = \(bind: id) RETURNING id").first() != nil
        }
    }

    public func find(id: Int64) async throws -> Endpoint? {
        try await database.read { db in
            try await db.raw("SELECT * FROM webhook_endpoints WHERE id = \(bind: id)").first().map(Self.endpoint)
        }
    }

    public func all() async throws -> [Endpoint] {
        try await database.read { db in
            try await db.raw("SELECT * FROM webhook_endpoints ORDER BY id").all().map(Self.endpoint)
        }
    }

    static func endpoint(_ row: any SQLRow) throws -> Endpoint {
        Endpoint(
            id: try row.int64("id"), url: try row.string("url"), description: try row.string("description"),
            events: Set(stored: try row.string("events")), isActive: try row.int64("active") != 0,
            secret: try row.string("secret"), createdAt: try row.date("created_at"))
    }
}
