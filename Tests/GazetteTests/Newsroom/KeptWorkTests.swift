import Foundation
import Gazette
import GazetteContent
import GazetteStorage
import GazetteTestSupport
import HTTPTypes
import Testing

@testable import GazetteServices
@testable import GazetteWeb

/// A story saved after the session ended is not lost: it waits for its writer to sign in again.
@Suite("Kept work")
struct KeptWorkTests {
    /// A GET with the session and the kept-form cookie, as the browser sends them.
    static func open(_ path: String, as staff: Staff, kept: String) async throws -> Fetched {
        var headers = staff.headers
        let cookies = [headers[.cookie], "gazette_kept=\(kept)"].compactMap { $0 }
        headers[.cookie] = cookies.joined(separator: "; ")
        return try await staff.site.get(path, headers: headers)
    }

    @Test(
        "a save after signing out everywhere keeps the story: sign in again and it is back in the editor, once",
        arguments: TestEngine.available)
    func afterTheSessionEnded(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            let articles = try await site.services.articles.count()
            var laptop = Staff(site: site)
            laptop.fetchSite = "same-origin"
            _ = try await laptop.signIn("author@example.com", NewsroomFixtures.password)
            let token = try await laptop.csrf()
            var phone = Staff(site: site)
            _ = try await phone.signIn("author@example.com", NewsroomFixtures.password)
            _ = try await phone.post("/admin/logout-everywhere", ["csrf_token": try await phone.csrf()])

            // The laptop's editor was open all along; its Save now has no session behind it.
            let story = ArticleEditorTests.form(
                ["title": "Ferry strike ends at dawn", "dek": "Crews return.", "body": "The strike ended **today**."],
                csrf: token)
            let saved = try await laptop.post("/admin/articles/new", story)
            #expect(saved.status == .seeOther)
            let location = try #require(saved.location)
            #expect(location.hasPrefix("/admin/login?next=%2Fadmin%2Farticles%2Fnew%3Fkept%3D"), "\(location)")
            let key = try #require(saved.setCookies["gazette_kept"])
            #expect(location.contains(FormBody.encode(key)))
            #expect(try await site.services.articles.count() == articles, "nothing was saved")

            let signInPage = try await laptop.open(location)
            #expect(signInPage.contains("Your session had ended, so nothing was saved yet."))
            let signedIn = try await laptop.signIn(
                "author@example.com", NewsroomFixtures.password, next: "/admin/articles/new?kept=\(key)")
            #expect(signedIn.location == "/admin/articles/new?kept=\(key)")

            let editor = try await Self.open("/admin/articles/new?kept=\(key)", as: laptop, kept: key)
            #expect(editor.status == .ok)
            #expect(editor.contains(#"value="Ferry strike ends at dawn""#))
            #expect(editor.contains("The strike ended **today**."))
            #expect(editor.contains("Nothing was saved when you sent this"))
            #expect(editor.setCookies["gazette_kept"] == "", "the cookie is cleared")
            let again = try await Self.open("/admin/articles/new?kept=\(key)", as: laptop, kept: key)
            #expect(!again.contains("Ferry strike ends at dawn"), "a kept form is found once")

            // Saved again from the restored editor, it is an article like any other.
            let resaved = try await laptop.post(
                "/admin/articles/new",
                ArticleEditorTests.form(
                    ["title": "Ferry strike ends at dawn", "body": "The strike ended **today**."],
                    csrf: try await laptop.csrf()))
            #expect(resaved.status == .seeOther && resaved.location?.contains("saved=1") == true)
        }
    }

    @Test("a form from a page open too long comes straight back filled; another browser cannot take it")
    func expiredPage() async throws {
        try await TestSite.run(.sqlite, seed: NewsroomFixtures.seed) { site in
            var author = Staff(site: site)
            author.fetchSite = "same-origin"
            _ = try await author.signIn("author@example.com", NewsroomFixtures.password)
            let stale = try await author.post(
                "/admin/articles/new",
                ArticleEditorTests.form(["title": "Tide tables", "body": "High water at noon."], csrf: "stale"))
            #expect(stale.status == .seeOther)
            let location = try #require(stale.location)
            #expect(location.hasPrefix("/admin/articles/new?kept="), "\(location)")
            let key = try #require(stale.setCookies["gazette_kept"])

            // Someone else signed in, given the address but not the cookie, finds nothing.
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            let elsewhere = try await Self.open(location, as: editor, kept: "another")
            #expect(elsewhere.status == .ok && !elsewhere.contains("Tide tables"))

            let back = try await Self.open(location, as: author, kept: key)
            #expect(back.contains(#"value="Tide tables""#) && back.contains("High water at noon."))
            #expect(!back.contains("stale"), "the old form token is not kept")
        }
    }

    @Test(
        "only the editor's own forms are kept: not other newsroom forms, not another site's, not a sessionless browser's"
    )
    func onlyTheEditorsOwnForms() async throws {
        try await TestSite.run(.sqlite, seed: NewsroomFixtures.seed) { site in
            let settings = try await site.post("/admin/settings", form: ["site.title": "Hijacked"])
            #expect(settings.status == .seeOther && settings.setCookies["gazette_kept"] == nil)
            #expect(settings.location?.contains("kept") == false)

            let story = ArticleEditorTests.form(["title": "Planted", "body": "<script>x()</script>"], csrf: "x")
            var victim = Staff(site: site)
            _ = try await victim.signIn("admin@example.com", NewsroomFixtures.password)
            for fetchSite in ["cross-site", "same-site", "none"] {
                // Another site posting into a signed-in editor's browser (its page token is wrong)…
                victim.fetchSite = fetchSite
                let posted = try await victim.post("/admin/articles/new", story)
                #expect(posted.status == .forbidden && posted.setCookies["gazette_kept"] == nil, "\(fetchSite)")
            }
            // …or into a browser without a session: sent to sign in, with nothing waiting.
            var stranger = Staff(site: site)
            stranger.cookie = "ended"
            stranger.fetchSite = "cross-site"
            let anonymous = try await stranger.post("/admin/articles/new", story)
            #expect(anonymous.status == .seeOther && anonymous.setCookies["gazette_kept"] == nil)
            #expect(anonymous.location?.contains("kept") == false)
            var fresh = Staff(site: site)
            fresh.fetchSite = "same-origin"
            let noSession = try await fresh.post("/admin/articles/new", story)
            #expect(noSession.setCookies["gazette_kept"] == nil, "a browser that never signed in keeps nothing")
            let origin = try await site.post(
                "/admin/articles/new", form: story,
                headers: [.cookie: "gazette_session=ended", .origin: "https://elsewhere.example"])
            #expect(origin.setCookies["gazette_kept"] == nil)
        }
    }

    @Test("the forms waiting at once stay within their budget; past it, nothing more is kept")
    func budget() async throws {
        try await TestDatabase.with(.sqlite, migrated: true) { location in
            let database = try await Database.open(location, logger: TestDatabase.logger)
            let forms = KeptForms(store: KeptFormStore(database: database), clock: .system, waitingBudget: 1_000)
            let text = String(repeating: "a", count: 400)
            let first = try await forms.keep(path: "/admin/articles/new", fields: ["body": [text]])
            let second = try await forms.keep(path: "/admin/articles/new", fields: ["body": [text]])
            let third = try await forms.keep(path: "/admin/articles/new", fields: ["body": [text]])
            #expect(first != nil && second != nil)
            #expect(third == nil, "a third would pass the budget")
            _ = try await forms.take(key: try #require(first), path: "/admin/articles/new")
            #expect(try await forms.keep(path: "/admin/articles/new", fields: ["body": [text]]) != nil)
            await database.close()
        }
    }
}
