import Foundation
import Gazette
import GazetteContent
import GazetteStorage
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Markdown import rules")
struct MarkdownImportTests {
    static func folder(_ files: [String: String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder.path
    }

    static func withServices(timeZone: String = "UTC", _ body: (AppServices) async throws -> Void) async throws {
        try await TestDatabase.with(.sqlite) { location in
            let configuration = GazetteConfiguration(
                dataDirectory: NSTemporaryDirectory(), database: location, timeZone: TimeZone(identifier: timeZone)!)
            let services = try await AppServices.open(
                configuration, clock: .fixed(TestSite.now), logger: TestDatabase.logger)
            do {
                _ = try await services.authors.create(
                    NewAuthor(name: "Jane Doe", email: "jane@example.com", role: .author).validated(), now: TestSite.now
                )
                try await body(services)
                await services.close()
            } catch {
                await services.close()
                throw error
            }
        }
    }

    @Test("the same headline on two days is two articles, and re-importing updates each in place")
    func sameHeadlineTwoDays() async throws {
        try await Self.withServices { services in
            let path = try Self.folder([
                "a.md": "---\ntitle: Morning briefing\nauthor: Jane Doe\ndate: 2026-11-20 07:00\n---\nMonday.",
                "b.md": "---\ntitle: Morning briefing\nauthor: Jane Doe\ndate: 2026-11-27 07:00\n---\nNext Monday.",
            ])
            let first = try await services.markdownImport().run(folder: path)
            #expect(first.created.count == 2 && first.problems.isEmpty, "\(first.problems)")
            let again = try await services.markdownImport().run(folder: path)
            #expect(again.updated.count == 2 && again.created.isEmpty)
            let monday = try #require(
                try await services.articles.published(
                    day: PublicationDay(year: 2026, month: 11, day: 20)!, slug: Slug(trusted: "morning-briefing"),
                    now: TestSite.now))
            #expect(monday.bodyMarkdown == "Monday.")
            #expect(try await services.articles.count() == 2)
        }
    }

    @Test("a file without a date keeps its article's date when imported again")
    func undatedKeepsDate() async throws {
        try await Self.withServices { services in
            let jane = try #require(try await services.authors.find(email: "jane@example.com"))
            try await services.publishing.save(
                ArticleDraft(
                    title: "Undated story", bodyMarkdown: "Old.", status: .published,
                    publishedAt: TestSite.now.addingTimeInterval(-86_400 * 3), authorID: jane.id))
            let path = try Self.folder(["u.md": "---\ntitle: Undated story\nauthor: Jane Doe\n---\nNew."])
            let report = try await services.markdownImport().run(folder: path)
            #expect(report.updated == ["u.md"])
            let story = try #require(
                try await services.articles.published(
                    day: PublicationDay(year: 2026, month: 11, day: 25)!, slug: Slug(trusted: "undated-story"),
                    now: TestSite.now))
            #expect(story.bodyMarkdown == "New.")
        }
    }

    @Test("dates in front matter are read in the site's time zone")
    func siteTimeZone() async throws {
        try await Self.withServices(timeZone: "America/New_York") { services in
            let path = try Self.folder([
                "late.md": "---\ntitle: Late edition\nauthor: Jane Doe\ndate: 2026-11-20 22:30:00\n---\nNight.",
                "day.md": "---\ntitle: Day edition\nauthor: Jane Doe\ndate: 2026-11-21\n---\nDay.",
            ])
            let report = try await services.markdownImport().run(folder: path)
            #expect(report.problems.isEmpty, "\(report.problems)")
            for (slug, day) in [("late-edition", 20), ("day-edition", 21)] {
                let found = try await services.articles.published(
                    day: PublicationDay(year: 2026, month: 11, day: day)!, slug: Slug(trusted: slug), now: TestSite.now)
                #expect(found != nil, "\(slug) should be on the \(day)th")
            }
        }
    }
}
