import Foundation
import GazetteContent
import SQLKit

/// The audit log's lines: appended, read newest first with filters, never edited.
public struct AuditStore: Sendable {
    private let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func append(_ event: AuditEvent) async throws {
        try await database.write { db in
            try await db.raw(
                """
                INSERT INTO audit_events (at, action, actor_id, actor_name, target, detail, address)
                VALUES (\(bind: event.at.storedSeconds), \(bind: event.action.rawValue), \(bind: event.actorID),
                    \(bind: event.actorName), \(bind: event.target), \(bind: event.detail), \(bind: event.address))
                """
            ).run()
        }
    }

    /// The newest lines first.
    public func page(_ filter: AuditFilter, _ request: PageRequest) async throws -> Page<AuditEvent> {
        try await database.read { db in
            let condition = Self.condition(filter)
            let total = try await db.raw("SELECT COUNT(*) AS n FROM audit_events WHERE " + condition).first()?
                .int64("n")
            let rows = try await db.raw(
                "SELECT at, action, actor_id, actor_name, target, detail, address FROM audit_events WHERE "
                    + condition
                    + " ORDER BY at DESC, id DESC LIMIT \(literal: request.size) OFFSET \(literal: request.offset)"
            ).all()
            return Page(items: try rows.compactMap(Self.event), request: request, totalItems: Int(total ?? 0))
        }
    }

    /// Lines older than `cutoff` go; the log would otherwise grow with every failed sign-in for ever.
    @discardableResult
    public func prune(before cutoff: Date) async throws -> Int {
        try await database.write { db in
            let row = try await db.raw(
                "SELECT COUNT(*) AS n FROM audit_events WHERE at < \(bind: cutoff.storedSeconds)"
            ).first()
            try await db.raw("DELETE FROM audit_events WHERE at < \(bind: cutoff.storedSeconds)").run()
            return Int(try row?.int64("n") ?? 0)
        }
    }

    private static func condition(_ filter: AuditFilter) -> SQLQueryString {
        var condition: SQLQueryString = "1 = 1"
        if let action = filter.action { condition = condition + " AND action = \(bind: action.rawValue)" }
        if !filter.person.isEmpty {
            let pattern = "%" + likeEscaped(filter.person.lowercased()) + "%"
            condition =
                condition
                + " AND (LOWER(actor_name) LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(target) LIKE \(bind: pattern) ESCAPE '\\')"
        }
        if !filter.address.isEmpty { condition = condition + " AND address = \(bind: filter.address)" }
        if let from = filter.from { condition = condition + " AND at >= \(bind: from.storedSeconds)" }
        if let until = filter.until { condition = condition + " AND at < \(bind: until.storedSeconds)" }
        return condition
    }

    private static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }

    /// A line whose action this version does not know (written by a newer one) is skipped, not an error.
    private static func event(_ row: any SQLRow) throws -> AuditEvent? {
        guard let action = AuditAction(rawValue: try row.string("action")) else { return nil }
        return AuditEvent(
            action: action, actorID: try row.optionalInt64("actor_id"), actorName: try row.string("actor_name"),
            target: try row.string("target"), detail: try row.string("detail"), address: try row.string("address"),
            at: try row.date("at"))
    }
}
