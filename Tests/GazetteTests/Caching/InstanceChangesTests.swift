import Foundation
import GazetteContent
import GazetteStorage
import GazetteTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@testable import Gazette
@testable import GazetteServices
@testable import GazetteWeb

/// Two `gazette serve` instances on one PostgreSQL database, each with its own page cache.
@Suite("Changes across instances")
struct InstanceChangesTests {
    static func twoInstances(_ body: @Sendable (TestSite, TestSite) async throws -> Void) async throws {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("gazette-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await TestDatabase.with(.postgres) { location in
            let configuration = GazetteConfiguration(
                host: "127.0.0.1", port: 0, dataDirectory: folder, database: location,
                baseURL: "https://news.example.com", siteTitle: "The Test Times")
            let first = try await AppServices.open(configuration, logger: TestDatabase.logger, bcryptCost: 4)
            let second = try await AppServices.open(configuration, logger: TestDatabase.logger, bcryptCost: 4)
            do {
                try await CommentFixtures.seed()(first)
                let appA = try buildApplication(services: first, logger: TestDatabase.logger)
                let appB = try buildApplication(services: second, logger: TestDatabase.logger)
                try await appA.test(.live) { clientA in
                    try await appB.test(.live) { clientB in
                        try await body(
                            TestSite(services: first, client: clientA, engine: .postgres),
                            TestSite(services: second, client: clientB, engine: .postgres))
                    }
                }
            } catch {
                await first.close()
                await second.close()
                throw error
            }
            await first.close()
            await second.close()
        }
    }

    /// The page as instance B serves it once B has heard of the change: NOTIFY travels on its own
    /// connection, so B may answer one request from memory in the millisecond before it arrives.
    static func eventually(_ site: TestSite, _ path: String, shows text: String) async throws -> Bool {
        for _ in 0..<50 {
            if try await site.get(path).contains(text) { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    @Test(
        "a comment approved through one instance shows on the other; so does a new headline",
        .enabled(if: TestEngine.available.contains(.postgres)))
    func approvalReachesTheOtherInstance() async throws {
        try await Self.twoInstances { a, b in
            let article = CommentFixtures.article
            // A reader's comment, held for moderation; both instances cache the page without it.
            var reader = Reader(site: a)
            let id = try #require(try await reader.comment(on: article, "Seen on every instance").commentID)
            for site in [a, b] {
                _ = try await site.get(article)
                #expect(try await site.get(article).headers[.gazetteCache] == "hit")
            }
            try await a.services.comments.moderate(.approve, ids: [id])
            #expect(try await Self.eventually(b, article, shows: "Seen on every instance"))
            #expect(try await a.get(article).contains("Seen on every instance"))

            _ = try await b.get("/")
            let articleID = try #require(
                try await a.services.articles.id(forSlug: Slug(trusted: "council-approves-the-new-library")))
            var draft = try #require(try await a.services.articles.find(id: articleID)).draft
            draft.title = "Library approved, and funded"
            try await a.services.publishing.save(draft, id: articleID)
            #expect(try await Self.eventually(b, "/", shows: "Library approved, and funded"))
        }
    }

    @Test(
        "a change is announced by the transaction that makes it: heard at commit, never after a rollback",
        .enabled(if: TestEngine.available.contains(.postgres)))
    func announcedInTransaction() async throws {
        try await Self.twoInstances { a, b in
            let heard = Mutex<[String]>([])
            let ready = Mutex(false)
            let listening = Task {
                try await b.services.database.listen(
                    channel: "gazette_test", ready: { ready.withLock { $0 = true } },
                    receive: { payload in heard.withLock { $0.append(payload) } })
            }
            defer { listening.cancel() }
            for _ in 0..<100 where !ready.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(20)) }
            let committed = WriteAnnouncement.Message(channel: "gazette_test", payload: "committed")
            try await WriteAnnouncement.$current.withValue(committed) {
                try await a.services.database.write { db in try await db.raw("SELECT 1 AS one").run() }
            }
            let rolledBack = WriteAnnouncement.Message(channel: "gazette_test", payload: "rolled back")
            await #expect(throws: CancellationError.self) {
                try await WriteAnnouncement.$current.withValue(rolledBack) {
                    try await a.services.database.write { _ in throw CancellationError() }
                }
            }
            for _ in 0..<100 where !heard.withLock({ $0.contains("committed") }) {
                try await Task.sleep(for: .milliseconds(20))
            }
            try await Task.sleep(for: .milliseconds(300))
            #expect(heard.withLock { $0 } == ["committed"])
        }
    }

    @Test("messages name their sender, and unknown ones are ignored")
    func payloads() {
        let payload = ChangeMessenger.payload(.comments(articleID: 42), from: "abc")
        #expect(ChangeMessenger.change(in: payload)?.change == .comments(articleID: 42))
        #expect(ChangeMessenger.change(in: payload)?.sender == "abc")
        #expect(ChangeMessenger.change(in: "2 abc all") == nil)
        #expect(ChangeMessenger.change(in: "1 abc comments x") == nil)
        #expect(ChangeMessenger.change(in: "") == nil)
    }
}
