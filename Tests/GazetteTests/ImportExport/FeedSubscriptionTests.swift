import Foundation
import GazetteContent
import GazetteStorage
import GazetteTestSupport
import Logging
import Testing

@testable import Gazette
@testable import GazetteServices
@testable import GazetteWeb

@Suite("Feeds read on a schedule")
struct FeedSubscriptionTests {
    @Test(
        "a due feed is read once, its result recorded, and read again only after its interval",
        arguments: TestEngine.available)
    func pollsWhenDue(engine: TestEngine) async throws {
        try await FeedImportTests.withOutlet { base in
            let clock = ManualClock(TestSite.now)
            try await TestSite.run(engine, clock: clock.clock) { site in
                try await site.allowPrivateFeeds()
                let store = FeedSubscriptionStore(database: site.services.database)
                _ = try await store.add(
                    location: base + "/feed.xml", sourceName: "Harbour Wire", status: .published, authorID: nil,
                    everyMinutes: 30, now: TestSite.now)
                _ = try await store.add(
                    location: base + "/missing.xml", sourceName: "Gone Wire", status: .draft, authorID: nil,
                    everyMinutes: 30, now: TestSite.now)
                let poller = site.services.feedPoller(logger: Logger(label: "test"))
                #expect(try await poller.runDue() == 2)
                #expect(try await poller.runDue() == 0, "nothing is due again before its interval")
                let recorded = Dictionary(uniqueKeysWithValues: try await store.all().map { ($0.sourceName, $0) })
                #expect(recorded["Harbour Wire"]?.lastResult == "2 new, 0 already imported")
                #expect(recorded["Gone Wire"]?.lastResult.contains("answered 404") == true)
                #expect(recorded["Harbour Wire"]?.nextRunAt == TestSite.now.addingTimeInterval(30 * 60))
                #expect((try await site.get("/source/harbour-wire/")).contains("Council meets"))

                clock.advance(seconds: 31 * 60)
                #expect(try await poller.runDue() == 2)
                let again = try await store.all().first { $0.sourceName == "Harbour Wire" }
                #expect(again?.lastResult == "0 new, 2 already imported")
            }
        }
    }

    @Test("slow outlets are read side by side, so they do not hold up the other feeds")
    func slowOutletsInParallel() async throws {
        try await FeedImportTests.withOutlet { base in
            try await TestSite.run(.sqlite) { site in
                try await site.allowPrivateFeeds()
                let store = FeedSubscriptionStore(database: site.services.database)
                for number in 1...4 {
                    _ = try await store.add(
                        location: base + "/slow.xml?\(number)", sourceName: "Slow Wire \(number)", status: .draft,
                        authorID: nil, everyMinutes: 30, now: TestSite.now.addingTimeInterval(-60))
                }
                _ = try await store.add(
                    location: base + "/feed.xml", sourceName: "Harbour Wire", status: .published, authorID: nil,
                    everyMinutes: 30, now: TestSite.now)
                var poller = site.services.feedPoller(logger: Logger(label: "test"))
                poller.importer.fetcher.timeout = 3
                #expect(try await poller.runDue() == 5)
                // Read one after another, each slow outlet would be asked only after the one before was given up
                // (3 seconds each); side by side, all four are asked before the first is given up.
                let arrivals = slowFeedArrivals.withLock { arrivals in (1...4).compactMap { arrivals[String($0)] } }
                #expect(arrivals.count == 4)
                if let first = arrivals.min(), let last = arrivals.max() {
                    #expect(last.timeIntervalSince(first) < 3, "the slow outlets were read one after another")
                }
                let recorded = Dictionary(uniqueKeysWithValues: try await store.all().map { ($0.sourceName, $0) })
                #expect(recorded["Harbour Wire"]?.lastResult == "2 new, 0 already imported")
                #expect(recorded["Slow Wire 1"]?.lastResult.contains("did not arrive within 3 seconds") == true)
            }
        }
    }

    @Test("two instances claiming at once read each due feed once")
    func claimsOnce() async throws {
        try await StoreFixtureLike.with { database in
            let store = FeedSubscriptionStore(database: database)
            for number in 0..<5 {
                _ = try await store.add(
                    location: "https://wire.example/\(number).xml", sourceName: "Wire \(number)", status: .draft,
                    authorID: nil, everyMinutes: 10, now: TestSite.now)
            }
            async let first = store.claimDue(now: TestSite.now)
            async let second = store.claimDue(now: TestSite.now)
            let claimed = try await first + second
            #expect(claimed.count == 5 && Set(claimed.map(\.id)).count == 5)
        }
    }

    @Test("gazette feeds add, list, run and remove; gazette serve reads a subscribed feed by itself")
    func commandLine() async throws {
        try await TestDatabase.with(.sqlite) { location in
            let database = CommandLineTests.databaseArguments(location)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("feed-\(UUID().uuidString).xml")
            try FeedImportTests.hostileFeed.write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let add = try CommandLine.run(
                ["feeds", "add", file.path, "--source", "Harbour Wire", "--every", "5", "--status", "published"]
                    + database)
            #expect(add.status == 0 && add.output.contains("every 5 minute(s)"), "\(add.all)")
            let twice = try CommandLine.run(["feeds", "add", file.path, "--source", "Harbour Wire"] + database)
            #expect(twice.status != 0 && twice.errors.contains("already read on a schedule"), "\(twice.all)")
            let bad = try CommandLine.run(["feeds", "add", "ftp://x.example/f", "--source", "X"] + database)
            #expect(bad.status != 0 && bad.errors.contains("only http:// and https://"), "\(bad.all)")
            let missing = try CommandLine.run(["feeds", "add", "/nonexistent/feed.xml", "--source", "X"] + database)
            #expect(
                missing.status != 0 && missing.errors.contains("Cannot read /nonexistent/feed.xml"), "\(missing.all)")
            #expect(try CommandLine.run(["feeds", "list"] + database).output.contains("not read yet"))

            let port = try FreePort.find()
            let server = try CommandLine.start(
                ["serve", "--port", String(port), "--data-dir", NSTemporaryDirectory(), "--welcome", "off"] + database)
            defer { if server.process.isRunning { server.process.terminate() } }
            _ = try await HTTPProbe.waitForAnswer("http://127.0.0.1:\(port)/healthz")
            var archive = ""
            for _ in 0..<100 where !archive.contains("Council meets") {
                archive = (try? await HTTPProbe.get("http://127.0.0.1:\(port)/source/harbour-wire/")) ?? ""
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(archive.contains("Council meets"), "gazette serve read the due feed at start-up")
            server.process.terminate()
            server.process.waitUntilExit()

            let list = try CommandLine.run(["feeds", "list"] + database)
            #expect(list.output.contains("2 new, 0 already imported"), "\(list.all)")
            #expect(try CommandLine.run(["feeds", "run"] + database).output.contains("No feed is due."))
            let remove = try CommandLine.run(["feeds", "remove", file.path] + database)
            #expect(remove.status == 0 && remove.output.contains("no longer read"))
            let again = try CommandLine.run(["feeds", "remove", file.path] + database)
            #expect(again.status != 0 && again.errors.contains("is not read on a schedule"))
        }
    }
}

/// A migrated database without the rest of the site.
enum StoreFixtureLike {
    static func with(_ body: (Database) async throws -> Void) async throws {
        try await TestDatabase.with(.sqlite) { location in
            let database = try await Database.open(location, logger: TestDatabase.logger)
            do {
                try await Migrator(database: database, logger: TestDatabase.logger).migrate()
                try await body(database)
                await database.close()
            } catch {
                await database.close()
                throw error
            }
        }
    }
}
