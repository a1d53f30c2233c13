import Foundation
import Logging
import SQLKit

/// Brings a database to the newest schema; safe to run on every start and from several instances.
public struct Migrator: Sendable {
    private let database: Database
    private let logger: Logger

    public init(database: Database, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    /// Applies the migrations not yet recorded and returns the versions it applied; `upTo` stops at a
    /// version, so tests can write data in an older schema and check what a later migration does with it.
    @discardableResult
    public func migrate(upTo last: Int = .max) async throws -> [Int] {
        let dialect = database.dialect
        var applied: [Int] = []
        for migration in MigrationList.all where migration.version <= last {
            let ran = try await database.write { db in
                // Instances starting together queue on this lock, including for creating the table itself.
                if let lock = dialect.migrationLock { try await db.raw(SQLQueryString(lock)).run() }
                try await db.raw(
                    """
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)
                    """
                ).run()
                let done = try await db.raw(
                    "SELECT version FROM schema_migrations WHERE version = \(bind: migration.version)"
                ).first()
                guard done == nil else { return false }
                for statement in migration.statements(dialect) {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                try await migration.data?(db)
                let now = Int64(Date().timeIntervalSince1970)
                try await db.raw(
                    """
                    INSERT INTO schema_migrations (version, name, applied_at)
                    VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: now))
                    """
                ).run()
                return true
            }
            if ran {
                logger.info("Applied migration \(migration.version) \(migration.name)")
                applied.append(migration.version)
            }
        }
        return applied
    }

    /// The versions recorded as applied, oldest first.
    public func appliedVersions() async throws -> [Int] {
        try await database.read { db in
            return try await db.raw("SELECT version FROM schema_migrations ORDER BY version").all().map {
                try $0.decode(column: "version", as: Int.self)
            }
        }
    }

    /// The newest version this build knows.
    public static var latestVersion: Int { MigrationList.all.last?.version ?? 0 }
}
