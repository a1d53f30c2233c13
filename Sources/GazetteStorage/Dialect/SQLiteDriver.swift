import Foundation
import Logging
import SQLKit
import SQLiteKit
import Synchronization

/// SQLite in WAL mode: one writer connection with group commit, and a few reader connections.
///
/// sqlite-nio's busy handler retries forever, so two writers would spin against each other; the one writer
/// keeps writes in order instead. Readers never block the writer in WAL mode.
final class SQLiteDriver: DatabaseDriver {
    private let writer: SQLiteConnection
    private let readers: [SQLiteConnection]
    private let nextReader = Atomic<Int>(0)
    private let committer: GroupCommitWriter

    private init(writer: SQLiteConnection, readers: [SQLiteConnection]) {
        self.writer = writer
        self.readers = readers
        self.committer = GroupCommitWriter(db: writer.sql())
    }

    static func open(path: String, logger: Logger, readerCount: Int = 3) async throws -> SQLiteDriver {
        let url = URL(fileURLWithPath: path)
        try prepareFolder(for: url)
        let storage = SQLiteConnection.Storage.file(path: url.path)
        let writer: SQLiteConnection
        do {
            writer = try await SQLiteConnection.open(storage: storage, logger: logger)
        } catch {
            throw StorageError.unavailable(
                "Cannot open the SQLite database at \(url.path): \(error). Check that the folder is writable.")
        }
        do {
            try await configure(writer, isWriter: true)
            var readers: [SQLiteConnection] = []
            for _ in 0..<readerCount {
                let reader = try await SQLiteConnection.open(storage: storage, logger: logger)
                try await configure(reader, isWriter: false)
                readers.append(reader)
            }
            return SQLiteDriver(writer: writer, readers: readers)
        } catch let error as StorageError {
            try? await writer.close()
            throw error
        } catch {
            try? await writer.close()
            throw StorageError.unavailable(
                "The SQLite database at \(url.path) cannot be used: \(error). Check the file and its folder are writable."
            )
        }
    }

    func read<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let index = nextReader.add(1, ordering: .relaxed).newValue % readers.count
        return try await work(readers[index].sql())
    }

    /// A file on this machine: it answers, or fails at once.
    func ping(within seconds: Double) async -> Bool {
        (try? await read { db in try await db.raw("SELECT 1 AS one").first() != nil }) ?? false
    }

    func transaction<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await committer.transaction(work)
    }

    /// Processes on one SQLite file share a change counter instead (see the page cache).
    func notify(channel: String, payload: String) async throws {}

    func listen(
        channel: String, ready: @escaping @Sendable () -> Void, receive: @escaping @Sendable (String) -> Void
    ) async throws {}

    /// A reader's statements already see one snapshot each; nothing needs a transaction around them.
    func readTransaction<T: Sendable>(
        _ work: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws
        -> T
    {
        try await read(work)
    }

    func close() async {
        for connection in readers + [writer] {
            try? await connection.close()
        }
    }

    /// Pragmas are per connection, so every connection gets them when it opens.
    private static func configure(_ connection: SQLiteConnection, isWriter: Bool) async throws {
        let db = connection.sql()
        if isWriter {
            // WAL is a property of the file; setting it once on the writer is enough, and fails early when
            // the folder is read-only.
            guard let row = try await db.raw("PRAGMA journal_mode = WAL").first(),
                try row.decode(column: "journal_mode", as: String.self).lowercased() == "wal"
            else {
                throw StorageError.unavailable("SQLite refused write-ahead logging; is the folder writable?")
            }
        }
        for pragma in [
            "PRAGMA foreign_keys = ON",
            // FULL syncs the log at every commit, so an acknowledged write survives a crash or power cut.
            "PRAGMA synchronous = FULL",
            "PRAGMA busy_timeout = 5000",
            "PRAGMA cache_size = -16000",
            "PRAGMA temp_store = MEMORY",
        ] {
            try await db.raw(SQLQueryString(pragma)).run()
        }
    }

    private static func prepareFolder(for url: URL) throws {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StorageError.unavailable(
                "Cannot create the data folder \(folder.path): \(error.localizedDescription). "
                    + "Choose a writable place with --data-dir or GAZETTE_DATA_DIR.")
        }
        guard FileManager.default.isWritableFile(atPath: folder.path) else {
            throw StorageError.unavailable(
                "The data folder \(folder.path) is not writable. "
                    + "Choose a writable place with --data-dir or GAZETTE_DATA_DIR.")
        }
    }
}
