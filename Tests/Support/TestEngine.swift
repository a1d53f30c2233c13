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

    public static func make(_ engine: TestEngine) async throws -> TestDatabase {
        switch engine {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "gazette-test-\(UUID().uuidString)")
            let path = folder.appendingPathComponent("gazette.sqlite").path
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
            try await admin(server) { db in try await db.execute("CREATE DATABASE \(name)") }
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
    public static func with<T>(_ engine: TestEngine, _ body: (DatabaseLocation) async throws -> T) async throws -> T {
        let database = try await make(engine)
        do {
            let result = try await body(database.location)
            await database.drop()
            return result
        } catch {
            await database.drop()
            throw error
        }
    }

    private static func admin(_ server: PostgresAddress, _ work: @Sendable (Database) async throws -> Void) async throws
    {
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
