import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Newsroom dashboard")
struct DashboardTests {
    /// The titles of one dashboard list, in order.
    static func list(_ id: String, in page: String) -> [String] {
        guard
            let section = page.components(separatedBy: #"<section class="dashboard-list" id="\#(id)""#).dropFirst()
                .first?
                .components(separatedBy: "</section>").first
        else { return [] }
        return section.matches(of: try! Regex(#"<li><a href="[^"]*">([^<]*)</a>"#)).compactMap {
            $0.output[1].substring.map(String.init)
        }
    }

    @Test(
        "each person sees their drafts, what waits for review, what comes next and the held comments with their articles",
        arguments: TestEngine.available)
    func lists(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var contributor = Staff(site: site)
            _ = try await contributor.signIn("contributor@example.com", NewsroomFixtures.password)
            for (title, action) in [("Quay notes", "draft"), ("Harbour letters", "review")] {
                let saved = try await contributor.post(
                    "/admin/articles/new",
                    ArticleEditorTests.form(
                        ["title": title, "body": "Text.", "action": action], csrf: try await contributor.csrf()))
                #expect(saved.status == .seeOther)
            }
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            for (title, when) in [("Ferry timetable", "2026-12-05 09:00"), ("Tide tables", "2026-12-01 09:00")] {
                let saved = try await editor.post(
                    "/admin/articles/new",
                    ArticleEditorTests.form(
                        ["title": title, "body": "Soon.", "published_at": when, "action": "publish"],
                        csrf: try await editor.csrf()))
                #expect(saved.status == .seeOther)
            }
            var reader = Reader(site: site)
            _ = try await reader.comment(on: CommentFixtures.article, "Is the ferry on time?")

            let mine = try await contributor.open("/admin/")
            #expect(mine.contains(#"<a class="button" href="/admin/articles/new">New article</a>"#))
            #expect(Self.list("my-drafts", in: mine.body) == ["Quay notes"])
            #expect(Self.list("for-review", in: mine.body) == ["Harbour letters"])
            #expect(mine.contains("Yours, waiting for review"))
            #expect(Self.list("scheduled", in: mine.body).isEmpty, "only their own")
            #expect(!mine.contains("held-comments") && !mine.contains("Recent activity"))

            let desk = try await editor.open("/admin/")
            #expect(Self.list("for-review", in: desk.body) == ["Harbour letters"])
            #expect(Self.list("scheduled", in: desk.body) == ["Tide tables", "Ferry timetable"], "the next first")
            #expect(desk.contains("Comments awaiting moderation (1)"))
            let commented = try #require(
                try await site.services.articles.id(forSlug: Slug(trusted: "council-approves-the-new-library")))
            #expect(
                desk.contains(
                    "on <a href=\"/admin/articles/\(commented)\">Council approves the new library</a>: “Is the ferry on time?”"
                ))
            #expect(!desk.contains("Recent activity"), "the audit log is for admins")

            var admin = Staff(site: site)
            _ = try await admin.signIn("admin@example.com", NewsroomFixtures.password)
            let adminDesk = try await admin.open("/admin/")
            #expect(adminDesk.contains("Recent activity") && adminDesk.contains("Tide tables"))
        }
    }
}
