import Foundation
import Logging
import SQLKit
import Synchronization

/// The one handle on the data: reads on any connection, writes as serialised transactions.
///
/// Stores take a `Database` and never ask which engine is behind it; engine specifics live in
/// `Dialect` and in the two drivers.
public final class Database: Sendable {
    public let dialect: Dialect
    public let location: DatabaseLocation
    private let driver: any DatabaseDriver
    private let observerBox = Mutex<(any DatabaseObserver)?>(nil)

    /// Told of every read and write from now on (the server's metrics); nil stops it.
    public var observer: (any DatabaseObserver)? {
        get { observerBox.withLock { $0 } }
        set { observerBox.withLock { $0 = newValue } }
    }

    init(location: DatabaseLocation, dialect: Dialect, driver: any DatabaseDriver) {
        self.location = location
        self.dialect = dialect
        self.driver = driver
    }

    /// Opens the database (creating an SQLite file and its folder when missing). Call `close()` when done.
    /// `callDeadline` bounds every PostgreSQL call, in seconds.
    public static func open(
        _ location: DatabaseLocation, callDeadline: Double = 30, logger: Logger
    ) async throws -> Database {
        switch location {
        case .sqlite(let path):
            let driver = try await SQLiteDriver.open(path: path, logger: logger)
            return Database(location: location, dialect: .sqlite, driver: driver)
        case .postgres(let address):
            let driver = try await PostgresDriver.open(address, callDeadline: callDeadline, logger: logger)
            return Database(location: location, dialect: .postgres, driver: driver)
        }
    }

    /// Runs read-only work on a connection of the pool.
    public func read<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await observed(.read) { started in
            try await driver.read { db in
                started(); return try await work(db)
            }
        }
    }

    /// Runs read-only work that needs its own transaction (say, for settings that last until it ends).
    public func readTransaction<T: Sendable>(
        _ work: @escaping @Sendable (any SQLDatabase) async throws -> T
    )
        async throws -> T
    {
        try await observed(.read) { started in
            try await driver.readTransaction { db in
                started(); return try await work(db)
            }
        }
    }

    /// Runs work in one transaction: all of it is committed, or none of it.
    public func write<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await observed(.write) { started in
            try await driver.transaction { db in
                started(); return try await work(db)
            }
        }
    }

    /// Runs a call, telling the observer (when there is one) how long it waited for its connection and took.
    private func observed<T: Sendable>(
        _ kind: DatabaseCall.Kind, _ call: (@escaping @Sendable () -> Void) async throws -> T
    ) async throws -> T {
        guard let observer else { return try await call({}) }
        let clock = ContinuousClock()
        let start = clock.now
        let began = Mutex<ContinuousClock.Instant?>(nil)
        let started: @Sendable () -> Void = { began.withLock { if $0 == nil { $0 = clock.now } } }
        do {
            let result = try await call(started)
            let end = clock.now
            observer.observe(
                DatabaseCall(
                    kind: kind, waited: (began.withLock { $0 } ?? end) - start, total: end - start, failed: false))
            return result
        } catch {
            let end = clock.now
            observer.observe(
                DatabaseCall(
                    kind: kind, waited: (began.withLock { $0 } ?? end) - start, total: end - start, failed: true))
            throw error
        }
    }

    /// Runs one statement outside any transaction, for maintenance such as `CREATE DATABASE`.
    public func execute(_ statement: String) async throws {
        try await read { db in try await db.raw(SQLQueryString(statement)).run() }
    }

    /// Whether `snapshot(toFile:)` can copy this database (SQLite's `VACUUM INTO`; PostgreSQL has pg_dump).
    public var takesFileSnapshots: Bool { dialect == .sqlite }

    /// A consistent copy of the whole SQLite database in a new file, taken while others keep reading and
    /// writing (`VACUUM INTO`). PostgreSQL copies are made with its own tools (pg_dump).
    public func snapshot(toFile path: String) async throws {
        guard takesFileSnapshots else {
            throw StorageError.badConfiguration("Copies of a PostgreSQL database are made with pg_dump.")
        }
        try await read { db in try await db.raw("VACUUM INTO \(bind: path)").run() }
    }

    /// SQLite's own check of every page and index: "ok", or what is wrong. PostgreSQL answers "ok".
    public func integrityCheck() async throws -> String {
        guard dialect == .sqlite else { return "ok" }
        return try await read { db in
            try await db.raw("PRAGMA integrity_check").all().map {
                try $0.decode(column: "integrity_check", as: String.self)
            }
            .joined(separator: "; ")
        }
    }

    /// Whether other processes can be told of changes through the database (PostgreSQL's NOTIFY).
    public var carriesMessages: Bool { dialect == .postgres }

    /// Sends `payload` to every process listening on `channel`; nothing on SQLite.
    public func notify(channel: String, payload: String) async throws {
        try await driver.notify(channel: channel, payload: payload)
    }

    /// Listens on `channel` until the connection ends or the task is cancelled: `ready` once listening,
    /// then `receive` for each message. Returns at once on SQLite.
    public func listen(
        channel: String, ready: @escaping @Sendable () -> Void, receive: @escaping @Sendable (String) -> Void
    ) async throws {
        try await driver.listen(channel: channel, ready: ready, receive: receive)
    }

    /// True when the database answers a trivial query.
    /// True when the database answers within `seconds`, for health checks that must answer quickly.
    public func ping(within seconds: Double = 1) async -> Bool {
        await driver.ping(within: seconds)
    }

    public func close() async {
        await driver.close()
    }
}

/// What each engine's driver provides to `Database`.
protocol DatabaseDriver: Sendable {
    func read<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    func ping(within seconds: Double) async -> Bool
    func transaction<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    func readTransaction<T: Sendable>(
        _ work: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws
        -> T
    func notify(channel: String, payload: String) async throws
    func listen(
        channel: String, ready: @escaping @Sendable () -> Void, receive: @escaping @Sendable (String) -> Void
    ) async throws
    func close() async
}
