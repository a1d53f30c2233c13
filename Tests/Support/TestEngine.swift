import Foundation
import GazetteStorage
import Logging

/// The database engines every storage and HTTP test runs on.
///
/// SQLite always; PostgreSQL when `GAZETTE_TEST_POSTGRES_URL` names a server (scripts/test starts one).
/// On CI a missing URL is an error rather than a silent skip.
public enum TestEngine: String, Sendable, CaseIterable {
    case sqlite
    case postgres

    public static var available: [TestEngine] {
        let environment = ProcessInfo.processInfo.environment
        if environment["GAZETTE_TEST_POSTGRES_URL"] != nil || environment["CI"] == "true" {
            return [.sqlite, .postgres]
        }
        return [.sqlite]
    }
}

/// A fresh, empty database for one test, removed again by `drop()`.
public struct TestDatabase: Sendable {
    public let location: DatabaseLocation
    private let cleanup: @Sendable () async -> Void

    public static let logger: Logger = {
        var logger = Logger(label: "gazette-tests")
        logger.logLevel = .warning
        return logger
    }()

    /// A fresh database; with `migrated`, it is copied from a template migrated once per test run (an SQLite
    /// file copy, PostgreSQL's `CREATE DATABASE … TEMPLATE`), so the hundreds of HTTP tests do not each run
    /// every migration.
    public static func make(_ engine: TestEngine, migrated: Bool = false) async throws -> TestDatabase {
        switch engine {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "gazette-test-\(UUID().uuidString)")
            let path = folder.appendingPathComponent("gazette.sqlite").path
            if migrated {
                let template = try await MigratedSQLiteTemplate.shared.value()
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: template + suffix) {
                    try FileManager.default.copyItem(atPath: template + suffix, toPath: path + suffix)
                }
            }
            return TestDatabase(location: .sqlite(path: path)) {
                try? FileManager.default.removeItem(at: folder)
            }
        case .postgres:
            guard let url = ProcessInfo.processInfo.environment["GAZETTE_TEST_POSTGRES_URL"] else {
                throw TestSetupError(
                    message:
                        "GAZETTE_TEST_POSTGRES_URL is not set: run the suite with scripts/test, which starts PostgreSQL."
                )
            }
            guard case .postgres(let server) = try DatabaseLocation(parsing: url) else {
                throw TestSetupError(message: "GAZETTE_TEST_POSTGRES_URL must be a postgres:// URL.")
            }
            let name = "gazette_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            let template = migrated ? try await MigratedTemplate.shared.name(on: server) : nil
            try await admin(server) { db in
                try await db.execute("CREATE DATABASE \(name)" + (template.map { " TEMPLATE \($0)" } ?? ""))
            }
            return TestDatabase(location: .postgres(server.with(database: name))) {
                try? await admin(server) { db in try await db.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
            }
        }
    }

    private init(location: DatabaseLocation, cleanup: @escaping @Sendable () async -> Void) {
        self.location = location
        self.cleanup = cleanup
    }

    public func drop() async {
        await cleanup()
    }

    /// Runs `body` with a fresh database on `engine`, dropping it afterwards whatever happens.
    public static func with<T>(
        _ engine: TestEngine, migrated: Bool = false, _ body: (DatabaseLocation) async throws -> T
    ) async throws -> T {
        let database = try await make(engine, migrated: migrated)
        do {
            let result = try await body(database.location)
            await database.drop()
            return result
        } catch {
            await database.drop()
            throw error
        }
    }

    static func admin(_ server: PostgresAddress, _ work: @Sendable (Database) async throws -> Void) async throws {
        let database = try await Database.open(.postgres(server), logger: logger)
        do {
            try await work(database)
            await database.close()
        } catch {
            await database.close()
            throw error
        }
    }
}

public struct TestSetupError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Made once per test process on first use, then shared: the migrated templates test databases are copied from.
actor Once<Value: Sendable> {
    private var made: Task<Value, any Error>?
    private let make: @Sendable () async throws -> Value

    init(_ make: @escaping @Sendable () async throws -> Value) {
        self.make = make
    }

    func value() async throws -> Value {
        if let made { return try await made.value }
        let task = Task { try await make() }
        made = task
        return try await task.value
    }
}

extension TestDatabase {
    /// Brings a new, empty database to the current schema and closes it, so nobody stays connected (as
    /// PostgreSQL requires of a template).
    static func migrate(_ location: DatabaseLocation) async throws {
        let database = try await Database.open(location, logger: logger)
        do {
            _ = try await Migrator(database: database, logger: logger).migrate()
            await database.close()
        } catch {
            await database.close()
            throw error
        }
    }
}

/// An SQLite file migrated once per test process, copied for each test that wants a migrated database.
enum MigratedSQLiteTemplate {
    static let shared = Once<String> {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gazette-template-\(UUID().uuidString)"
        ).appendingPathComponent("gazette.sqlite").path
        try await TestDatabase.migrate(.sqlite(path: path))
        return path
    }
}

/// A PostgreSQL database migrated once per test process (per server), copied with `CREATE DATABASE … TEMPLATE`.
actor MigratedTemplate {
    static let shared = MigratedTemplate()
    private var made: [String: Once<String>] = [:]

    func name(on server: PostgresAddress) async throws -> String {
        let key = "\(server.host):\(server.port)"
        let once =
            made[key]
            ?? Once {
                let name = "gazette_template_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
                try await TestDatabase.admin(server) { db in try await db.execute("CREATE DATABASE \(name)") }
                try await TestDatabase.migrate(.postgres(server.with(database: name)))
                return name
            }
        made[key] = once
        return try await once.value()
    }
}
