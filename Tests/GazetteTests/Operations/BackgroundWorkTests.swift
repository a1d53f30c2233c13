import Foundation
import Gazette
import GazetteContent
import GazetteStorage
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Background work")
struct BackgroundWorkTests {
    static func waitFor(_ seconds: Double, _ check: () async throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await check() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    @Test(
        "the application's own scheduler publishes what fell due and picks up settings another instance stored",
        arguments: TestEngine.available)
    func schedulerRuns(engine: TestEngine) async throws {
        let clock = ManualClock(TestSite.now)
        try await TestSite.run(
            engine, clock: clock.clock,
            configure: {
                $0.background = BackgroundSchedule(
                    every: .milliseconds(200), purgeEvery: .seconds(3_600), firstRunAfter: .zero)
            }, seed: SampleContent.seed
        ) { site in
            let author = try #require(try await site.services.authors.all().first)
            _ = try await site.services.publishing.save(
                ArticleDraft(
                    title: "Harbour opens at dawn", bodyMarkdown: "Boats.", status: .scheduled,
                    publishedAt: TestSite.now.addingTimeInterval(600), authorID: author.id))
            try await Task.sleep(for: .milliseconds(500))
            #expect(!(try await site.get("/").contains("Harbour opens at dawn")), "not before its time")
            clock.advance(seconds: 700)
            let published = try await Self.waitFor(10) { try await site.get("/").contains("Harbour opens at dawn") }
            #expect(published, "nobody called publishDue: the scheduler did")

            // Another instance stores a new site name; this one reads it on its next round.
            try await site.services.settings.set(["site.title": "The Evening Harbour"])
            let renamed = try await Self.waitFor(10) { try await site.get("/").contains("The Evening Harbour") }
            #expect(renamed)
        }
    }
}
