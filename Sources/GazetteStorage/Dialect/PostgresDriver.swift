import Logging
import NIOSSL
import PostgresKit
import SQLKit

/// PostgreSQL through postgres-nio's connection pool. The pool runs in a task owned by this driver.
final class PostgresDriver: DatabaseDriver {
    private let client: PostgresClient
    private let runner: Task<Void, Never>

    private init(client: PostgresClient, started: AsyncStream<Void>.Continuation) {
        self.client = client
        self.runner = Task {
            started.finish()
            await client.run()
        }
    }

    static func open(_ address: PostgresAddress, logger: Logger) async throws -> PostgresDriver {
        var configuration = PostgresClient.Configuration(
            host: address.host, port: address.port, username: address.username, password: address.password,
            database: address.database, tls: address.requireTLS ? .require(.makeClientConfiguration()) : .disable)
        configuration.options.maximumConnections = 10
        configuration.options.connectTimeout = .seconds(5)
        let (started, signal) = AsyncStream<Void>.makeStream()
        let driver = PostgresDriver(
            client: PostgresClient(configuration: configuration, backgroundLogger: logger), started: signal)
        // The pool warns when a connection is asked for before its run loop has begun.
        for await _ in started {}
        do {
            _ = try await driver.read { db in try await db.raw("SELECT 1 AS one").first() }
        } catch {
            await driver.close()
            throw StorageError.unavailable(
                "Cannot reach PostgreSQL at \(address): \(String(reflecting: error)). "
                    + "Check the server is running and the URL's user, password and database.")
        }
        return driver
    }

    func read<T: Sendable>(_ work: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            try await work(connection.sql())
        }
    }

    func transaction<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await transaction(begin: "BEGIN", work)
    }

    func notify(channel: String, payload: String) async throws {
        try await read { db in try await db.raw("SELECT pg_notify(\(bind: channel), \(bind: payload))").run() }
    }

    /// Holds one pooled connection for as long as it listens.
    func listen(
        channel: String, ready: @escaping @Sendable () -> Void, receive: @escaping @Sendable (String) -> Void
    ) async throws {
        try await client.withConnection { connection in
            try await connection.listen(on: channel) { notifications in
                ready()
                for try await notification in notifications { receive(notification.payload) }
            }
        }
    }

    func readTransaction<T: Sendable>(
        _ work: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws
        -> T
    {
        try await transaction(begin: "BEGIN READ ONLY", work)
    }

    /// Runs `work` in a transaction, again (up to three times in all) when it lost a race that a new
    /// attempt resolves: two staff creating the same new tag or slug at once (a unique violation: the second
    /// attempt finds the first one's row), a serialization failure or a deadlock. SQLite has one writer and
    /// never races.
    private func transaction<T: Sendable>(
        begin: SQLQueryString, _ work: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await attemptTransaction(begin: begin, work)
            } catch let error as PSQLError where attempt < 3 && Self.retriedStates.contains(error.sqlState ?? "") {
                attempt += 1
            }
        }
    }

    /// unique_violation, serialization_failure, deadlock_detected.
    private static let retriedStates: Set<String> = ["23505", "40001", "40P01"]

    private func attemptTransaction<T: Sendable>(
        begin: SQLQueryString, _ work: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await client.withConnection { connection in
            let db = connection.sql()
            try await db.raw(begin).run()
            do {
                let result = try await work(db)
                try await db.raw("COMMIT").run()
                return result
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    func close() async {
        runner.cancel()
        _ = await runner.value
    }
}

extension PSQLError {
    /// The server's SQLSTATE code, such as 23505 for a unique violation.
    var sqlState: String? { serverInfo?[.sqlState] }
}
