import SQLKit

/// Named site settings and one-time markers (such as "the welcome article was written").
public struct SettingsStore: Sendable {
    private let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func value(_ name: String) async throws -> String? {
        try await database.read { db in
            try await db.raw("SELECT value FROM settings WHERE name = \(bind: name)").first()?.string("value")
        }
    }

    public func set(_ name: String, to value: String) async throws {
        try await database.write { db in
            try await Self.set(name, to: value, in: db)
        }
    }

    /// Stores several values at once: all of them or, on failure, none.
    public func set(_ values: [String: String]) async throws {
        try await database.write { db in
            for (name, value) in values.sorted(by: { $0.key < $1.key }) { try await Self.set(name, to: value, in: db) }
        }
    }

    /// Stores the value unless one exists; returns whichever value is stored afterwards.
    public func setIfAbsent(_ name: String, to value: String) async throws -> String {
        try await database.write { db in
            try await db.raw(
                "INSERT INTO settings (name, value) VALUES (\(bind: name), \(bind: value)) ON CONFLICT (name) DO NOTHING"
            ).run()
            return try await db.raw("SELECT value FROM settings WHERE name = \(bind: name)").first()?.string("value")
                ?? value
        }
    }

    /// Every setting whose name starts with `prefix`.
    public func values(prefixed prefix: String) async throws -> [String: String] {
        try await database.read { db in
            var values: [String: String] = [:]
            for row in try await db.raw("SELECT name, value FROM settings").all() {
                let name = try row.string("name")
                if name.hasPrefix(prefix) { values[name] = try row.string("value") }
            }
            return values
        }
    }

    static func set(_ name: String, to value: String, in db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO settings (name, value) VALUES (\(bind: name), \(bind: value))
            ON CONFLICT (name) DO UPDATE SET value = excluded.value
            """
        ).run()
    }
}
