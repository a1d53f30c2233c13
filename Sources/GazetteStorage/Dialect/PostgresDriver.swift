import Logging
import NIOSSL
import PostgresKit
import SQLKit
import Synchronization

/// PostgreSQL through postgres-nio's connection pool, held to deadlines of its own.
///
/// Every call has a deadline (`--database-timeout`): a query whose connection died answers `StorageError.unavailable`
/// instead of waiting forever. When calls fail because the server cannot be reached, a watcher tries a plain
/// connection every second and, once the server answers again, swaps in a new pool, so service returns within
/// seconds rather than after the old pool's reconnect backoff (up to a minute).
final class PostgresDriver: DatabaseDriver {
    /// Seconds any one call may take, a whole transaction included.
    private let callDeadline: Double
    private let configuration: PostgresClient.Configuration
    private let connectionConfiguration: PostgresConnection.Configuration
    private let logger: Logger
    private let pool: Mutex<Pool>
    /// Set when a call failed for want of a server; the watcher then looks for it to come back.
    private let unreachable = Atomic<Bool>(false)
    private let watcher: Mutex<Task<Void, Never>?> = Mutex(nil)
    /// Pools replaced by a newer one, finishing the calls they hold before they stop.
    private let retiring: Mutex<[UInt64: Task<Void, Never>]> = Mutex([:])
    private let retirements = Atomic<UInt64>(0)

    private struct Pool: Sendable {
        let client: PostgresClient
        let runner: Task<Void, Never>
    }

    private init(address: PostgresAddress, callDeadline: Double, logger: Logger) async throws {
        self.callDeadline = callDeadline
        let tls: PostgresConnection.Configuration.TLS =
            address.requireTLS ? .require(try NIOSSLContext(configuration: .makeClientConfiguration())) : .disable
        var configuration = PostgresClient.Configuration(
            host: address.host, port: address.port, username: address.username, password: address.password,
            database: address.database, tls: address.requireTLS ? .require(.makeClientConfiguration()) : .disable)
        configuration.options.maximumConnections = 10
        configuration.options.connectTimeout = .seconds(5)
        self.configuration = configuration
        var connection = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.username, password: address.password,
            database: address.database, tls: tls)
        connection.options.connectTimeout = .seconds(2)
        self.connectionConfiguration = connection
        self.logger = logger
        pool = Mutex(await Self.startPool(configuration, logger: logger))
    }

    /// A new pool whose run loop has begun (the pool warns when asked for a connection before that).
    private static func startPool(_ configuration: PostgresClient.Configuration, logger: Logger) async -> Pool {
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let (started, signal) = AsyncStream<Void>.makeStream()
        let runner = Task {
            signal.finish()
            await client.run()
        }
        for await _ in started {}
        return Pool(client: client, runner: runner)
    }

    static func open(_ address: PostgresAddress, callDeadline: Double, logger: Logger) async throws -> PostgresDriver {
        let driver = try await PostgresDriver(address: address, callDeadline: callDeadline, logger: logger)
        do {
            _ = try await driver.read { db in try await db.raw("SELECT 1 AS one").first() }
        } catch {
            await driver.close()
            throw StorageError.unavailable(
                "Cannot reach PostgreSQL at \(address): \(String(reflecting: error)). "
                    + "Check the server is running and the URL's user, password and database.")
        }
        driver.startWatching()
        return driver
    }

    private var client: PostgresClient { pool.withLock { $0.client } }

    func read<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await call(within: callDeadline) { client in
            try await client.withConnection { connection in try await work(connection.sql()) }
        }
    }

    func ping(within seconds: Double) async -> Bool {
        do {
            return try await call(within: seconds) { client in
                try await client.withConnection { connection in
                    try await connection.sql().raw("SELECT 1 AS one").first() != nil
                }
            }
        } catch {
            return false
        }
    }

    func transaction<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await transaction(readOnly: false, work)
    }

    func notify(channel: String, payload: String) async throws {
        try await read { db in try await db.raw("SELECT pg_notify(\(bind: channel), \(bind: payload))").run() }
    }

    /// Holds one pooled connection for as long as it listens; no deadline, since listening never ends.
    func listen(
        channel: String, ready: @escaping @Sendable () -> Void, receive: @escaping @Sendable (String) -> Void
    ) async throws {
        do {
            try await client.withConnection { connection in
                try await connection.listen(on: channel) { notifications in
                    ready()
                    for try await notification in notifications { receive(notification.payload) }
                }
            }
        } catch {
            throw noted(error)
        }
    }

    func readTransaction<T: Sendable>(
        _ work: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws
        -> T
    {
        try await transaction(readOnly: true, work)
    }

    /// Runs `work` in a transaction, again (up to three times in all) when it lost a race that a new
    /// attempt resolves: two staff creating the same new tag or slug at once (a unique violation: the second
    /// attempt finds the first one's row), a serialization failure or a deadlock. SQLite has one writer and
    /// never races.
    private func transaction<T: Sendable>(
        readOnly: Bool, _ work: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await call(within: callDeadline) { client in
                    try await Self.attemptTransaction(client, readOnly: readOnly, work)
                }
            } catch let error as PSQLError where attempt < 3 && Self.retriedStates.contains(error.sqlState ?? "") {
                attempt += 1
            }
        }
    }

    /// unique_violation, serialization_failure, deadlock_detected.
    private static let retriedStates: Set<String> = ["23505", "40001", "40P01"]

    private static func attemptTransaction<T: Sendable>(
        _ client: PostgresClient, readOnly: Bool, _ work: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await client.withConnection { connection in
            let db = connection.sql()
            try await db.raw(readOnly ? "BEGIN READ ONLY" : "BEGIN").run()
            do {
                let result = try await work(db)
                if !readOnly, let message = WriteAnnouncement.current {
                    try await db.raw("SELECT pg_notify(\(bind: message.channel), \(bind: message.payload))").run()
                }
                try await db.raw("COMMIT").run()
                return result
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    /// Runs `work` on the current pool within `seconds`; a server that cannot be reached becomes
    /// `StorageError.unavailable`, which pages answer with 503.
    private func call<T: Sendable>(
        within seconds: Double, _ work: @escaping @Sendable (PostgresClient) async throws -> T
    ) async throws -> T {
        let client = self.client
        do {
            return try await Deadline.run(seconds: seconds) { try await work(client) }
        } catch {
            throw noted(error)
        }
    }

    /// The error as callers should see it; a lost server is also noted for the watcher.
    private func noted(_ error: any Error) -> any Error {
        if case StorageError.unavailable = error {
            unreachable.store(true, ordering: .relaxed)
            return error
        }
        guard let error = error as? PSQLError, error.code != .server, error.code != .queryCancelled,
            error.code != .tooManyParameters
        else { return error }
        unreachable.store(true, ordering: .relaxed)
        return StorageError.unavailable("The database cannot be reached just now (\(error.code)).")
    }

    /// Every second while calls fail: a plain connection to the server; when it answers, a new pool.
    private func startWatching() {
        let task = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                guard let self, self.unreachable.load(ordering: .relaxed) else { continue }
                guard await self.serverAnswers() else { continue }
                await self.replacePool()
            }
        }
        watcher.withLock { $0 = task }
    }

    private func serverAnswers() async -> Bool {
        let configuration = connectionConfiguration
        let logger = self.logger
        do {
            return try await Deadline.run(seconds: 3) {
                let connection = try await PostgresConnection.connect(
                    configuration: configuration, id: 0, logger: logger)
                try? await connection.close()
                return true
            }
        } catch {
            return false
        }
    }

    private func replacePool() async {
        let fresh = await Self.startPool(configuration, logger: logger)
        let old = pool.withLock { current in
            let old = current
            current = fresh
            return old
        }
        unreachable.store(false, ordering: .relaxed)
        logger.notice("PostgreSQL answers again: new connections are in use.")
        // The old pool may hold calls stuck on dead connections, and also healthy ones that were only slow (a
        // busy server looks like a lost one to a deadline): each ends by its own deadline, then the pool stops.
        let grace = callDeadline + 1
        let number = retirements.add(1, ordering: .relaxed).newValue
        let retirement = Task { [weak self] in
            try? await Task.sleep(for: .seconds(grace))
            old.runner.cancel()
            // Gone from the list once done, so repeated outages leave nothing behind.
            self?.retiring.withLock { _ = $0.removeValue(forKey: number) }
        }
        retiring.withLock { $0[number] = retirement }
    }

    func close() async {
        watcher.withLock { $0?.cancel() }
        // Retiring pools stop now: their sleep is cut short and they cancel their runners.
        for retirement in retiring.withLock({ $0.values }) { retirement.cancel() }
        let current = pool.withLock { $0 }
        current.runner.cancel()
        // A pool stuck on a dead connection must not keep the process from stopping.
        _ = try? await Deadline.run(seconds: 5) { await current.runner.value }
    }
}

extension PSQLError {
    /// The server's SQLSTATE code, such as 23505 for a unique violation.
    var sqlState: String? { serverInfo?[.sqlState] }
}
