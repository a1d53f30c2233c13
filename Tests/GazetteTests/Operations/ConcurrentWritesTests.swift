import Foundation
import Gazette
import GazetteContent
import GazetteStorage
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Concurrent writes")
struct ConcurrentWritesTests {
    @Test(
        "staff creating the same new tag, category, source and slug at once all succeed, each term stored once",
        arguments: TestEngine.available)
    func sameNewTerms(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            let editor = try #require(try await site.services.authors.find(email: "editor@example.com"))
            let published = Date(timeIntervalSince1970: 1_795_800_000)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<12 {
                    group.addTask {
                        try await site.services.publishing.save(
                            ArticleDraft(
                                title: "Storm closes the bridge", bodyMarkdown: "Text.", status: .published,
                                publishedAt: published, authorID: editor.id, category: "Weather Desk",
                                tags: ["Storm Watch", "Bridges"], sourceName: "Coast Radio"),
                            writtenBy: .trusted)
                    }
                }
                try await group.waitForAll()
            }
            let archive = try await site.get("/tag/storm-watch/")
            #expect(archive.status == .ok && archive.count("Storm closes the bridge") >= 10)
            let slugs = try await site.services.articles.published(
                .all, page: try #require(PageRequest(number: 1, size: 50)), now: TestSite.now
            ).items.map(\.slug.value).filter { $0.hasPrefix("storm-closes-the-bridge") }
            #expect(Set(slugs).count == 12, "every article got its own address: \(slugs)")
        }
    }
}
