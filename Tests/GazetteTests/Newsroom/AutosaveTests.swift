import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import HTTPTypes
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Article editor: autosave")
struct AutosaveTests {
    @Test(
        "a kept copy stays apart from the article, is offered back to its writer only, restores, and a save clears it",
        arguments: TestEngine.available)
    func keptAndOffered(engine: TestEngine) async throws {
        let time = ManualClock(TestSite.now)
        try await TestSite.run(engine, clock: time.clock, seed: NewsroomFixtures.seed) { site in
            var author = Staff(site: site)
            _ = try await author.signIn("author@example.com", NewsroomFixtures.password)
            let saved = try await author.post(
                "/admin/articles/new",
                ArticleEditorTests.form(
                    ["title": "Pier report", "body": "First version.", "action": "draft"],
                    csrf: try await author.csrf()))
            let editPath = try #require(saved.location?.components(separatedBy: "?").first)
            let id = try #require(Int64(editPath.split(separator: "/").last ?? ""))
            let page = try await author.open(editPath)
            #expect(page.contains(#"data-autosave="/admin/articles/\#(id)/autosave""#))
            #expect(!page.contains("You have unsaved changes"))
            let revision = Reader.field("revision", in: page.body)
            let revisionsBefore = try await site.services.revisions.list(articleID: id).count

            time.advance(seconds: 90)
            let kept = try await author.post(
                "/admin/articles/\(id)/autosave",
                pairs: [
                    ("csrf_token", try await author.csrf()), ("revision", revision), ("title", "Pier report"),
                    ("body", "Second version, half written."), ("correction_note", ""), ("correction_date", ""),
                ])
            #expect(kept.status == .ok)
            #expect(kept.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(kept.contains(#""kept":"21:08""#) && kept.contains("Unsaved changes kept at 21:08"))
            // The article, its revisions and the site are as they were.
            #expect(try await site.services.articles.find(id: id)?.bodyMarkdown == "First version.")
            #expect(try await site.services.revisions.list(articleID: id).count == revisionsBefore)

            // Opened again, the editor shows the saved text and offers the kept one.
            let reopened = try await author.open(editPath)
            #expect(reopened.contains("First version.</textarea>"))
            #expect(reopened.contains("You have unsaved changes from 21:08."))
            #expect(reopened.contains(#"<a href="\#(editPath)?restore=autosave">Restore them</a>"#))
            // Nobody else is offered it (an editor may open the article too).
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            #expect(!(try await editor.open(editPath)).contains("You have unsaved changes"))

            let restored = try await author.open(editPath + "?restore=autosave")
            #expect(restored.contains("Second version, half written.</textarea>"))
            #expect(restored.contains("Restored your unsaved changes from 21:08. They are not saved yet"))
            #expect(Reader.field("revision", in: restored.body) == revision, "based on the revision it started from")

            // Saving puts it in the article and clears the copy.
            let put = try await author.post(
                editPath,
                ArticleEditorTests.form(
                    ["title": "Pier report", "body": "Second version, half written.", "action": "draft"],
                    csrf: try await author.csrf(), revision: revision))
            #expect(put.status == .seeOther)
            #expect(!(try await author.open(editPath)).contains("You have unsaved changes"))
        }
    }

    @Test("a new article's copy is offered on New article; Discard forgets it", arguments: [TestEngine.sqlite])
    func newArticleAndDiscard(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var writer = Staff(site: site)
            _ = try await writer.signIn("contributor@example.com", NewsroomFixtures.password)
            let before = try await site.services.articles.count()
            let kept = try await writer.post(
                "/admin/articles/new/autosave",
                pairs: [("csrf_token", try await writer.csrf()), ("revision", "0"), ("title", "Ferry strike")])
            #expect(kept.status == .ok)
            #expect(try await site.services.articles.count() == before)
            let page = try await writer.open("/admin/articles/new")
            #expect(page.contains("You have unsaved changes from 21:06."))
            #expect(page.contains(#"<a href="/admin/articles/new?restore=autosave">Restore them</a>"#))
            let discarded = try await writer.post(
                "/admin/articles/new/autosave", pairs: [("csrf_token", try await writer.csrf()), ("intent", "discard")])
            #expect(discarded.status == .seeOther && discarded.location == "/admin/articles/new?discarded=1")
            #expect(
                try await writer.open("/admin/articles/new?discarded=1").contains("The unsaved changes were discarded.")
            )
            #expect(!(try await writer.open("/admin/articles/new")).contains("You have unsaved changes"))
            // Without the session's token nothing is kept.
            let forged = try await writer.post(
                "/admin/articles/new/autosave", pairs: [("csrf_token", "forged"), ("title", "Injected")])
            #expect(forged.status == .forbidden)
            #expect(!(try await writer.open("/admin/articles/new")).contains("You have unsaved changes"))
        }
    }

    @Test("a contributor keeps no copy of an article that is out; another author's article is not theirs")
    func refused() async throws {
        try await TestSite.run(.sqlite, seed: NewsroomFixtures.seed) { site in
            let published = try #require(
                try await site.services.articles.id(forSlug: Slug(trusted: "markets-rally-on-rate-news")))
            var author = Staff(site: site)
            _ = try await author.signIn("author@example.com", NewsroomFixtures.password)
            let other = try await author.post(
                "/admin/articles/\(published)/autosave",
                pairs: [("csrf_token", try await author.csrf()), ("title", "Mine now")])
            #expect(other.status == .forbidden)
        }
    }
}
