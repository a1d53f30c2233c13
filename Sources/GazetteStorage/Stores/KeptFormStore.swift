import Foundation
import SQLKit

/// Posted forms kept under a one-time key (see `M017KeptForms`): taken once, gone after a day.
public struct KeptFormStore: Sendable {
    private let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// A form as it was posted: where to, what, and when.
    public struct Kept: Sendable, Equatable {
        public var path: String
        /// Each field's values, as posted.
        public var fields: [String: [String]]
        public var keptAt: Date
    }

    public func keep(key: String, path: String, fields: [String: [String]], at now: Date) async throws {
        let json = String(decoding: try JSONEncoder().encode(fields), as: UTF8.self)
        try await database.write { db in
            try await db.raw(
                """
                INSERT INTO kept_forms (form_key, path, fields, kept_at)
                VALUES (\(bind: key), \(bind: path), \(bind: json), \(bind: now.storedSeconds))
                """
            ).run()
        }
    }

    /// The form kept under `key`, removed as it is read; nil when there is none (or it was taken).
    public func take(key: String) async throws -> Kept? {
        try await database.write { db in
            guard
                let row = try await db.raw(
                    "DELETE FROM kept_forms WHERE form_key = \(bind: key) RETURNING path, fields, kept_at"
                ).first()
            else { return nil }
            let fields = try JSONDecoder().decode([String: [String]].self, from: Data(try row.string("fields").utf8))
            return Kept(path: try row.string("path"), fields: fields, keptAt: try row.date("kept_at"))
        }
    }

    /// How much the waiting forms hold, roughly (their fields as stored).
    public func waitingBytes() async throws -> Int {
        try await database.read { db in
            Int(
                try await db.raw("SELECT COALESCE(SUM(LENGTH(fields)), 0) AS n FROM kept_forms").first()?.int64("n")
                    ?? 0)
        }
    }

    /// Forms kept before `cutoff` go.
    @discardableResult
    public func purge(before cutoff: Date) async throws -> Int {
        try await database.write { db in
            try await db.raw("DELETE FROM kept_forms WHERE kept_at < \(bind: cutoff.storedSeconds) RETURNING form_key")
                .all().count
        }
    }
}
