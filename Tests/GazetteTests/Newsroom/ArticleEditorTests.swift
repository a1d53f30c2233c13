import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Article editor")
struct ArticleEditorTests {
    static func form(_ values: [String: String], csrf: String, revision: String = "0") -> [String: String] {
        var form = [
            "title": "", "dek": "", "body": "", "status": "draft", "comments": "open", "csrf_token": csrf,
            "revision": revision,
        ]
        form.merge(values) { _, new in new }
        return form
    }

    @Test(
        "an author writes and publishes an article with a tag and a source; readers see it at once",
        arguments: TestEngine.available)
    func publish(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var author = Staff(site: site)
            _ = try await author.signIn("author@example.com", NewsroomFixtures.password)
            let empty = try await author.open("/admin/articles/new")
            #expect(empty.status == .ok && empty.contains("New article"))
            let saved = try await author.post(
                "/admin/articles/new",
                Self.form(
                    [
                        "title": "Harbour reopens after storm", "dek": "Boats are back.",
                        "body": "The **harbour** is open.",
                        "tags": "Harbour, Weather", "source": "Coast Radio",
                        "source_url": "https://coast.example/harbour",
                        "status": "published", "published_at": "2026-11-28 20:00",
                    ], csrf: try await author.csrf()))
            #expect(saved.status == .seeOther, "\(saved.body.prefix(500))")
            let home = try await site.get("/")
            #expect(home.contains("Harbour reopens after storm"))
            let page = try await site.get("/2026/11/28/harbour-reopens-after-storm/")
            #expect(page.contains("<strong>harbour</strong>"))
            #expect(page.contains(#"<a rel="tag" href="/tag/weather/">Weather</a>"#))
            #expect(page.contains(#"Source: <a href="https://coast.example/harbour" rel="noopener">Coast Radio</a>"#))
            let list = try await author.open("/admin/articles?status=published")
            #expect(list.contains("Harbour reopens after storm") && list.contains("Author User"))
        }
    }

    @Test(
        "a contributor can submit for review but not publish; an editor publishes it", arguments: TestEngine.available)
    func contributorWorkflow(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var contributor = Staff(site: site)
            _ = try await contributor.signIn("contributor@example.com", NewsroomFixtures.password)
            let csrf = try await contributor.csrf()
            let refused = try await contributor.post(
                "/admin/articles/new",
                Self.form(["title": "My scoop", "body": "Text.", "status": "published"], csrf: csrf))
            #expect(refused.status == .forbidden)
            #expect(refused.contains("an editor publishes"))
            #expect(refused.contains(#"value="My scoop""#))
            let submitted = try await contributor.post(
                "/admin/articles/new",
                Self.form(["title": "My scoop", "body": "Text.", "status": "pending"], csrf: csrf))
            #expect(submitted.status == .seeOther)
            let editPath = try #require(submitted.location?.components(separatedBy: "?").first)
            #expect(!(try await site.get("/").contains("My scoop")))
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            let pending = try await editor.open("/admin/articles?status=pending")
            #expect(pending.contains("My scoop"))
            let editPage = try await editor.open(editPath)
            let revision = Reader.field("revision", in: editPage.body)
            let published = try await editor.post(
                editPath,
                Self.form(
                    ["title": "My scoop", "body": "Text.", "status": "published"], csrf: try await editor.csrf(),
                    revision: revision))
            #expect(published.status == .seeOther)
            #expect(try await site.get("/").contains("My scoop"))
            #expect(try await contributor.open(editPath).status == .ok, "contributors still see their own article")
        }
    }

    @Test("authors cannot open or save other people's articles", arguments: [TestEngine.sqlite])
    func ownArticlesOnly(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            let id = try #require(
                try await site.services.articles.id(forSlug: Slug(trusted: "markets-rally-on-rate-news")))
            var author = Staff(site: site)
            _ = try await author.signIn("author@example.com", NewsroomFixtures.password)
            #expect(try await author.open("/admin/articles/\(id)").status == .forbidden)
            let post = try await author.post(
                "/admin/articles/\(id)", Self.form(["title": "Hijack", "body": "x"], csrf: try await author.csrf()))
            #expect(post.status == .forbidden)
            #expect(!(try await author.open("/admin/articles").contains("Markets rally")))
            #expect(try await site.get("/2026/11/28/markets-rally-on-rate-news/").contains("Markets rally"))
        }
    }

    @Test("two editors saving the same version: the second is refused and sees both", arguments: TestEngine.available)
    func editConflict(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            let id = try #require(
                try await site.services.articles.id(forSlug: Slug(trusted: "markets-rally-on-rate-news")))
            var first = Staff(site: site)
            var second = Staff(site: site)
            _ = try await first.signIn("editor@example.com", NewsroomFixtures.password)
            _ = try await second.signIn("admin@example.com", NewsroomFixtures.password)
            let path = "/admin/articles/\(id)"
            let revision = Reader.field("revision", in: try await first.open(path).body)
            #expect(Reader.field("revision", in: try await second.open(path).body) == revision)
            let base = ["status": "published", "published_at": "2026-11-28 19:06", "category": "Business"]
            var mine = base
            mine.merge(["title": "Markets rally on rate news", "body": "First editor's text."]) { _, new in new }
            #expect(
                try await first.post(path, Self.form(mine, csrf: try await first.csrf(), revision: revision)).status
                    == .seeOther)
            var theirs = base
            theirs.merge(["title": "Markets rally on rate news", "body": "Second editor's text."]) { _, new in new }
            let conflict = try await second.post(
                path, Self.form(theirs, csrf: try await second.csrf(), revision: revision))
            #expect(conflict.status == .conflict)
            #expect(conflict.contains("Someone else saved this article while you were editing."))
            #expect(conflict.contains("First editor&#39;s text.") && conflict.contains("Second editor&#39;s text."))
            #expect(try await site.services.articles.find(id: id)?.bodyMarkdown == "First editor's text.")
            let newRevision = Reader.field("revision", in: conflict.body)
            let forced = try await second.post(
                path, Self.form(theirs, csrf: try await second.csrf(), revision: newRevision))
            #expect(forced.status == .seeOther)
            #expect(try await site.services.articles.find(id: id)?.bodyMarkdown == "Second editor's text.")
        }
    }

    @Test("mistakes come back next to the fields with everything typed kept", arguments: [TestEngine.sqlite])
    func validation(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            let answer = try await editor.post(
                "/admin/articles/new",
                Self.form(
                    [
                        "title": "", "body": "Body <kept> & safe", "image_url": "https://img.example/x.jpg",
                        "published_at": "tomorrow-ish",
                    ], csrf: try await editor.csrf()))
            #expect(answer.status == .unprocessableContent)
            #expect(answer.contains("Write the time like 2026-12-03 09:30 (UTC), or “now”, or “tomorrow 09:00”."))
            #expect(answer.contains("Body &lt;kept&gt; &amp; safe</textarea>"))
            // Every problem at once, each linked from the list at the top to its field, and the time as typed.
            for (field, words) in [
                ("published_at", "Write the time like"), ("title", "Every article needs a headline."),
                ("image_alt", "Describe the image in its alternative text"),
            ] {
                #expect(answer.contains(##"<li><a href="#\##(field)">\##(words)"##), "\(field) in the list")
                #expect(answer.contains(#"id="\#(field)-error">\#(words)"#), "\(field) by its field")
            }
            #expect(answer.contains(#"value="tomorrow-ish""#))
            // The list follows the page: headline, then the publication time, then the image.
            let order = ["title", "published_at", "image_alt"].compactMap {
                answer.body.range(of: ##"<li><a href="#\##($0)">"##)?.lowerBound
            }
            #expect(order.count == 3 && order == order.sorted())
            let second = try await editor.post(
                "/admin/articles/new",
                Self.form(
                    ["title": "", "body": "Body", "image_url": "https://img.example/x.jpg"],
                    csrf: try await editor.csrf()))
            #expect(second.contains("Every article needs a headline."))
            #expect(second.contains("Describe the image in its alternative text"))
            // Without the session's token nothing is saved (a form from another site is not kept either).
            let count = try await site.services.articles.count()
            let forged = try await editor.post("/admin/articles/new", Self.form(["title": "No token"], csrf: ""))
            #expect(forged.status == .forbidden)
            #expect(try await site.services.articles.count() == count)
        }
    }

    @Test("a scheduled article stays hidden until its time, then publishes itself", arguments: TestEngine.available)
    func scheduling(engine: TestEngine) async throws {
        let clock = ManualClock(TestSite.now)
        try await TestSite.run(engine, clock: clock.clock, seed: NewsroomFixtures.seed) { site in
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            let saved = try await editor.post(
                "/admin/articles/new",
                Self.form(
                    [
                        "title": "Tomorrow's news", "body": "Later.", "status": "scheduled",
                        "published_at": "2026-11-29 08:00",
                    ],
                    csrf: try await editor.csrf()))
            #expect(saved.status == .seeOther, "\(saved.body.prefix(300))")
            #expect(try await site.services.publishing.publishDue() == 0)
            #expect(!(try await site.get("/").contains("Tomorrow&#39;s news")))
            clock.advance(seconds: 12 * 3_600)
            #expect(try await site.services.publishing.publishDue() == 1)
            #expect(try await site.get("/").contains("Tomorrow&#39;s news"))
            #expect(try await site.get("/2026/11/29/tomorrows-news/").status == .ok)
            let id = try #require(try await site.services.articles.id(forSlug: Slug(trusted: "tomorrows-news")))
            let history = try await site.services.revisions.list(articleID: id)
            #expect(history.first?.note == "Published on schedule" && history.first?.status == .published)
            #expect(history.first?.number == (try await site.services.articles.find(id: id))?.revision)
        }
    }
}

@Suite("Article editor: what a save did")
struct ArticleSaveOutcomeTests {
    @Test(
        "each save names its outcome: published with a link, updated, scheduled with the time and zone, sent for review"
    )
    func outcomes() async throws {
        try await TestSite.run(.sqlite, seed: NewsroomFixtures.seed) { site in
            var author = Staff(site: site)
            _ = try await author.signIn("author@example.com", NewsroomFixtures.password)
            let story = ["title": "Pier repairs start", "body": "Work begins.", "published_at": "2026-11-28 20:00"]
            let published = try await author.post(
                "/admin/articles/new",
                ArticleEditorTests.form(story.merging(["status": "published"]) { $1 }, csrf: try await author.csrf()))
            let location = try #require(published.location)
            #expect(location.hasSuffix("?saved=1&was=new"), "\(location)")
            let page = try await author.open(location)
            #expect(page.contains("Published."))
            #expect(page.contains(#"<a href="/2026/11/28/pier-repairs-start/">View it on the site</a>"#))

            let id = try #require(location.split(separator: "/").last?.split(separator: "?").first.map(String.init))
            let updated = try await author.post(
                "/admin/articles/\(id)",
                ArticleEditorTests.form(
                    story.merging(["status": "published", "body": "Work begins at dawn."]) { $1 },
                    csrf: try await author.csrf(), revision: Reader.field("revision", in: page.body)))
            #expect(
                try await author.open(try #require(updated.location)).contains(
                    "Updated. Readers see the new version now."))

            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            let scheduled = try await editor.post(
                "/admin/articles/new",
                ArticleEditorTests.form(
                    [
                        "title": "Ferry timetable changes", "body": "Soon.", "status": "scheduled",
                        "published_at": "2026-12-03 09:30",
                    ], csrf: try await editor.csrf()))
            let scheduledPage = try await editor.open(try #require(scheduled.location))
            #expect(
                scheduledPage.contains("Scheduled for 3 December 2026 at 09:30 (UTC)."),
                "\(scheduledPage.body.prefix(3000))")
            #expect(!scheduledPage.contains("View it on the site"))

            var contributor = Staff(site: site)
            _ = try await contributor.signIn("contributor@example.com", NewsroomFixtures.password)
            let sent = try await contributor.post(
                "/admin/articles/new",
                ArticleEditorTests.form(
                    ["title": "Letters from the quay", "body": "Dear editor.", "status": "pending"],
                    csrf: try await contributor.csrf()))
            #expect(try await contributor.open(try #require(sent.location)).contains("Sent for review."))
            let draft = try await contributor.post(
                "/admin/articles/new",
                ArticleEditorTests.form(["title": "Notes", "body": "Later."], csrf: try await contributor.csrf()))
            #expect(try await contributor.open(try #require(draft.location)).contains("Draft saved."))
        }
    }
}
