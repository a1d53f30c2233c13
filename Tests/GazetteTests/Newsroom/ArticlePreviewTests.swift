import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import HTTPTypes
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Article preview")
struct ArticlePreviewTests {
    /// The body of a preview page between the theme's article body markers.
    static func articleBody(_ page: String) -> String {
        page.components(separatedBy: #"<div class="article-body">"#).dropFirst().first?
            .components(separatedBy: "</div>").first ?? ""
    }

    @Test(
        "Preview shows the form as typed on the themed article page, stores nothing and uploads nothing",
        arguments: [TestEngine.sqlite])
    func themed(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            let before = try await site.services.articles.count()
            var body = MultipartBody()
            for (name, value) in [
                ("csrf_token", try await editor.csrf()), ("revision", "0"), ("intent", "preview"),
                ("title", "Quay works begin"), ("dek", "Cranes arrive on Monday."), ("body", "Cranes **arrive**."),
                ("source", "Harbour Herald"), ("source_url", "https://herald.example/quay"),
                ("image_url", "https://img.example/quay.jpg"), ("image_alt", "Two cranes"),
                ("image_caption", "The first cranes"), ("image_credit", "Port photo"), ("tags", "Port, Works"),
                ("correction_date", "2026-11-28 20:00"), ("correction_note", "The date was wrong."),
                ("correction_date", ""), ("correction_note", ""), ("comments", "open"),
            ] {
                body.field(name, value)
            }
            body.file("image_file", fileName: "red.png", type: "image/png", MediaTests.png)
            let shown = try await editor.send("/admin/articles/new/preview", body)
            #expect(shown.status == .ok)
            // The site's own article page, not the newsroom's.
            #expect(shown.contains(#"<h1 id="article-title" class="article-title">Quay works begin</h1>"#))
            #expect(shown.contains("Cranes arrive on Monday.") && shown.contains("Cranes <strong>arrive</strong>."))
            #expect(shown.contains(#"rel="author" href="/author/editor-user/">Editor User</a>"#))
            #expect(shown.contains("Harbour Herald") && shown.contains("https://herald.example/quay"))
            #expect(shown.contains(#"src="https://img.example/quay.jpg""#) && shown.contains("Port photo"))
            #expect(shown.contains("The date was wrong."))
            #expect(shown.contains(">Port</a>") && shown.contains(">Works</a>"))
            #expect(!shown.contains("admin-header"), "the newsroom's chrome is not around it")
            #expect(shown.contains(#"class="gazette-preview-banner""#) && shown.contains("not saved yet"))
            // Never kept, never listed.
            #expect(shown.headers[.cacheControl] == "private, no-store")
            #expect(shown.headers[HTTPField.Name("X-Robots-Tag")!] == "noindex, nofollow")
            #expect(shown.contains(#"<meta name="robots" content="noindex"#))
            // Nothing stored: no article, no image in the library.
            #expect(try await site.services.articles.count() == before)
            #expect(try await site.services.media.page(PageRequest(number: 1, size: 10)!).totalItems == 0)
            // The editor's own Preview button goes there, in a new tab.
            let editorPage = try await editor.open("/admin/articles/new")
            #expect(
                editorPage.contains(
                    #"name="intent" value="preview" formaction="/admin/articles/new/preview" formtarget="_blank""#))
        }
    }

    @Test("a contributor's preview is cleaned as their save would be", arguments: [TestEngine.sqlite])
    func cleaned(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var writer = Staff(site: site)
            _ = try await writer.signIn("contributor@example.com", NewsroomFixtures.password)
            let shown = try await writer.post(
                "/admin/articles/new",
                pairs: [
                    ("csrf_token", try await writer.csrf()), ("title", "Draft idea"), ("revision", "0"),
                    ("body", "Some *emphasis* and <script>x</script>"), ("intent", "preview"),
                ])
            #expect(shown.status == .ok && shown.contains("<em>emphasis</em>"))
            #expect(!Self.articleBody(shown.body).contains("<script"), "a contributor's HTML is cleaned")
            #expect(shown.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
        }
    }

    @Test(
        "a shared link shows the saved draft to anyone until it expires; forged, trashed and published links do not",
        arguments: TestEngine.available)
    func shared(engine: TestEngine) async throws {
        let time = ManualClock(TestSite.now)
        try await TestSite.run(engine, clock: time.clock, seed: NewsroomFixtures.seed) { site in
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            let saved = try await editor.post(
                "/admin/articles/new",
                ArticleEditorTests.form(
                    [
                        "title": "Embargoed budget", "dek": "Out on Friday.", "body": "The **numbers**.",
                        "action": "draft",
                    ],
                    csrf: try await editor.csrf()))
            let editPath = try #require(saved.location?.components(separatedBy: "?").first)
            let page = try await editor.open(editPath)
            let link = try #require(
                page.body.firstMatch(of: try Regex(#"id="share-link" type="text" readonly value="([^"]*)""#))?
                    .output[1].substring)
            let path = try #require(URL(string: String(link))?.path)
            #expect(path.hasPrefix("/preview/"))
            #expect(page.contains("until 1 December 2026 at 22:00"), "three days, to the end of the hour")

            // Signed out: the themed page, with what it is said plainly.
            let shown = try await site.get(path)
            #expect(shown.status == .ok)
            #expect(shown.contains("Embargoed budget") && shown.contains("The <strong>numbers</strong>."))
            #expect(shown.contains("not published yet") && shown.contains("1 December 2026 at 22:00"))
            #expect(shown.headers[.cacheControl] == "private, no-store")
            #expect(shown.headers[HTTPField.Name("X-Robots-Tag")!] == "noindex, nofollow")
            #expect(shown.headers[.referrerPolicy] == "no-referrer", "the secret address goes to no other site")
            #expect(!shown.contains("Leave a Reply"), "nobody comments on a preview")
            // Readers still cannot find it anywhere else.
            #expect(try await site.get("/2026/11/28/embargoed-budget/").status == .notFound)
            #expect(!(try await site.get("/feed/")).contains("Embargoed budget"))

            // A changed token is refused; so is the right one after its time.
            let forged = String(path.dropLast()) + (path.hasSuffix("A") ? "B" : "A")
            #expect(try await site.get(forged).status == .notFound)
            #expect(try await site.get("/preview/1-99999999999.abc").status == .notFound)
            time.advance(seconds: 3 * 24 * 3600 + 3600)
            let expired = try await site.get(path)
            #expect(expired.status == .gone && expired.contains("This preview has expired"))
            time.advance(seconds: -(3 * 24 * 3600 + 3600))

            // Once published the link leads to the real page.
            let revision = Reader.field("revision", in: try await editor.open(editPath).body)
            let published = try await editor.post(
                editPath,
                ArticleEditorTests.form(
                    ["title": "Embargoed budget", "body": "The **numbers**.", "action": "publish"],
                    csrf: try await editor.csrf(), revision: revision))
            #expect(published.status == .seeOther)
            let out = try await site.get(path)
            #expect(out.status == .seeOther && out.location == "/2026/11/28/embargoed-budget/")
            #expect(!(try await editor.open(editPath)).contains(#"id="share-link""#), "no share link once out")
        }
    }
}
