import Foundation
import GazetteContent
import GazetteStorage
import GazetteTestSupport
import Testing

@Suite("Migrations and authors")
struct MigrationAndAuthorTests {
    @Test("migrating twice applies each migration once", arguments: TestEngine.available)
    func idempotentMigrations(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { location in
            let database = try await Database.open(location, logger: TestDatabase.logger)
            let migrator = Migrator(database: database, logger: TestDatabase.logger)
            let first = try await migrator.migrate()
            let second = try await migrator.migrate()
            let recorded = try await migrator.appliedVersions()
            await database.close()
            // 25 (API tokens) arrives with another branch; until the merge the list skips it.
            #expect(first == Array(1...Migrator.latestVersion))
            #expect(second.isEmpty)
            #expect(recorded.last == Migrator.latestVersion)
        }
    }

    @Test("a taken email is a conflict; a taken slug is numbered", arguments: TestEngine.available)
    func authorConflicts(engine: TestEngine) async throws {
        try await StoreFixture.with(engine) { store in
            let jane = try await store.author()
            await #expect(throws: StorageError.self) { try await store.author("Other Jane", email: "JANE@example.com") }
            let twin = try await store.author("Jane Doe", email: "jane2@example.com")
            #expect(jane.slug.value == "jane-doe")
            #expect(twin.slug.value == "jane-doe-2")
            #expect(try await store.authors.find(matching: "jane@example.com")?.id == jane.id)
            #expect(try await store.authors.find(matching: "Jane Doe")?.id == jane.id)
        }
    }

    @Test("a write started inside a write is refused instead of hanging", arguments: [TestEngine.sqlite])
    func nestedWrite(engine: TestEngine) async throws {
        try await StoreFixture.with(engine) { store in
            let database = store.database
            await #expect(throws: StorageError.self) {
                try await database.write { _ in try await database.write { _ in 1 } }
            }
            // The writer keeps working afterwards.
            _ = try await store.author()
        }
    }

    @Test("one failing transaction in a busy moment leaves the others committed", arguments: TestEngine.available)
    func isolatedFailures(engine: TestEngine) async throws {
        try await StoreFixture.with(engine) { store in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        // Every fourth author repeats an email, so its insert fails and must not take others down.
                        let email = index % 4 == 3 ? "same@example.com" : "writer\(index)@example.com"
                        _ = try? await store.author("Writer \(index)", email: email)
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await store.authors.count() == 31)
        }
    }

    @Test("an unwritable SQLite location is a clear error, not a crash")
    func unwritableLocation() async throws {
        await #expect(throws: StorageError.self) {
            _ = try await Database.open(
                .sqlite(path: "/proc/gazette/cannot/gazette.sqlite"), logger: TestDatabase.logger)
        }
    }

    @Test("database URLs are parsed, and bad ones explained")
    func locations() throws {
        #expect(try DatabaseLocation(parsing: "sqlite:./data/g.sqlite") == .sqlite(path: "./data/g.sqlite"))
        guard case .postgres(let address) = try DatabaseLocation(parsing: "postgres://u:p%40ss@db.local:6543/news")
        else {
            Issue.record("expected PostgreSQL")
            return
        }
        #expect(address.password == "p@ss" && address.port == 6543 && address.database == "news")
        #expect(!address.description.contains("p@ss"))
        #expect(throws: StorageError.self) { try DatabaseLocation(parsing: "mysql://x") }
        #expect(throws: StorageError.self) { try DatabaseLocation(parsing: "sqlite:") }
    }
}
