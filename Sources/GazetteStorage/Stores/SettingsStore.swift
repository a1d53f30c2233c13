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

    static func set(_ name: String, to value: String, in db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO settings (name, value) VALUES (\(bind: name), \(bind: value))
            ON CONFLICT (name) DO UPDATE SET value = excluded.value
            """
        ).run()
    }
}
