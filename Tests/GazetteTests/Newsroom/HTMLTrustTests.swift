import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteWeb

/// The trust of HTML travels with the HTML: what a contributor wrote never becomes live through an editor's
/// save, publication, correction, restore, trash or preview.
@Suite("HTML trust")
struct HTMLTrustTests {
    /// What an attacker hides in a body, and a marker of each part that must never reach a page.
    static let hostileBody = """
        A quiet story about the harbour.

        <script>fetch('/admin/users/new')</script><img src="/x.png" alt="" onerror="alert(1)">
        <meta http-equiv="refresh" content="0;url=https://evil.example/">
        <iframe src="https://www.youtube.com/embed/contributor"></iframe>
        <a href="javascript:alert(2)">click</a> <svg onload="alert(3)"></svg>
        """
    static let forbidden = [
        "<script>fetch", "onerror", "http-equiv", "youtube.com/embed/contributor", "javascript:", "onload",
    ]

    static func clean(_ page: Fetched, _ step: String) {
        clean(page.body, step)
    }

    static func clean(_ html: String, _ step: String) {
        for marker in forbidden {
            let found = html.contains(marker)
            #expect(!found, "\(step): \(marker)")
        }
    }

    @Test(
        "a contributor's hidden script and embed stay dead through every staff action on the article",
        arguments: TestEngine.available)
    func contributorChain(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var contributor = Staff(site: site)
            _ = try await contributor.signIn("contributor@example.com", NewsroomFixtures.password)
            let submitted = try await contributor.post(
                "/admin/articles/new",
                ArticleEditorTests.form(
                    ["title": "Harbour calm", "body": Self.hostileBody, "status": "pending"],
                    csrf: try await contributor.csrf()))
            #expect(submitted.status == .seeOther)
            let editPath = try #require(submitted.location?.components(separatedBy: "?").first)

            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            let csrf = try await editor.csrf()
            var revision = Reader.field("revision", in: try await editor.open(editPath).body)
            let preview = try await editor.post(
                editPath,
                ArticleEditorTests.form(
                    ["title": "Harbour calm", "body": Self.hostileBody, "status": "published", "intent": "preview"],
                    csrf: csrf, revision: revision))
            #expect(preview.status == .ok)
            // The preview: the article's body on the themed page.
            let shown = ArticlePreviewTests.articleBody(preview.body)
            #expect(shown.contains("A quiet story"))
            Self.clean(shown, "preview")

            // Publishing, with a correction, as the editor's form sends it back.
            let published = try await editor.post(
                editPath,
                ArticleEditorTests.form(
                    [
                        "title": "Harbour calm", "body": Self.hostileBody, "status": "published",
                        "published_at": "2026-11-28 20:00", "correction_date": "2026-11-28 20:30",
                        "correction_note": "The headline was corrected.",
                    ], csrf: csrf, revision: revision))
            #expect(published.status == .seeOther, "\(published.body.prefix(300))")
            let path = "/2026/11/28/harbour-calm/"
            let page = try await site.get(path)
            #expect(page.contains("A quiet story"))
            Self.clean(page, "published by an editor")

            // Trash and back, then restore the contributor's first revision.
            revision = Reader.field("revision", in: try await editor.open(editPath).body)
            let id = editPath.split(separator: "/").last.map(String.init) ?? ""
            for status in ["trashed", "draft"] {
                let moved = try await editor.post(
                    "/admin/articles/\(id)/status", ["csrf_token": csrf, "status": status, "revision": revision])
                #expect(moved.status == .seeOther, "\(status)")
                revision = Reader.field("revision", in: try await editor.open(editPath).body)
            }
            let restored = try await editor.post(
                "/admin/articles/\(id)/revisions/1/restore",
                ["csrf_token": csrf, "revision": revision, "confirm": "yes"])
            #expect(restored.status == .seeOther)
            revision = Reader.field("revision", in: try await editor.open(editPath).body)
            let republished = try await editor.post(
                editPath,
                ArticleEditorTests.form(
                    [
                        "title": "Harbour calm", "body": Self.hostileBody + "\n\nAn editor's line.",
                        "status": "published", "published_at": "2026-11-28 20:00",
                    ], csrf: csrf, revision: revision))
            #expect(republished.status == .seeOther)
            let again = try await site.get(path)
            #expect(again.contains("An editor’s line") || again.contains("An editor's line"))
            Self.clean(again, "edited and republished by an editor")
            Self.clean(try await site.get("/feed/"), "feed")
            let stored = try #require(try await site.services.articles.find(id: Int64(id) ?? 0))
            #expect(stored.bodyTrust == .untrusted)
        }
    }

    @Test(
        "an editor's own article keeps a known provider's player, and never script",
        arguments: TestEngine.available)
    func editorEmbeds(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            let body = """
                Watch the launch.

                <iframe src="https://www.youtube-nocookie.com/embed/abc123" width="560" height="315" \
                title="Launch" onload="alert(1)" allow="camera"></iframe>

                <iframe src="https://evil.example/embed/x"></iframe><script>alert(2)</script>
                """
            let saved = try await editor.post(
                "/admin/articles/new",
                ArticleEditorTests.form(
                    [
                        "title": "Launch video", "body": body, "status": "published",
                        "published_at": "2026-11-28 20:00",
                    ], csrf: try await editor.csrf()))
            #expect(saved.status == .seeOther)
            let page = try await site.get("/2026/11/28/launch-video/")
            #expect(
                page.contains(
                    #"<iframe src="https://www.youtube-nocookie.com/embed/abc123" width="560" height="315" "#
                        + #"title="Launch" referrerpolicy="strict-origin-when-cross-origin" loading="lazy"></iframe>"#))
            #expect(!page.contains("evil.example") && !page.contains("alert(") && !page.contains("camera"))
        }
    }

    @Test("an author's HTML keeps only plain article elements", arguments: [TestEngine.sqlite])
    func authorHTML(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var author = Staff(site: site)
            _ = try await author.signIn("author@example.com", NewsroomFixtures.password)
            let saved = try await author.post(
                "/admin/articles/new",
                ArticleEditorTests.form(
                    [
                        "title": "Author piece", "body": "Hello **there**.\n\n" + Self.hostileBody,
                        "status": "published", "published_at": "2026-11-28 20:00",
                    ], csrf: try await author.csrf()))
            #expect(saved.status == .seeOther)
            let page = try await site.get("/2026/11/28/author-piece/")
            #expect(page.contains("<strong>there</strong>"))
            Self.clean(page, "author")
        }
    }
}

@Suite("HTML trust in imports")
struct ImportTrustTests {
    static let hostile =
        #"<script>alert(1)</script><img src="/a.png" alt="" onerror="alert(2)"><a href="javascript:alert(3)">x</a>"#
        + #"<iframe src="https://www.youtube.com/embed/imported"></iframe>"#

    @Test("a WordPress export's script never reaches a page, whatever the byline's role", arguments: [false, true])
    func wordPress(trusted: Bool) async throws {
        try await TestSite.run(.sqlite) { site in
            let text = WordPressExportFixture.text().replacingOccurrences(
                of: "The ferry is back.", with: "The ferry is back." + Self.hostile)
            let file = try WordPressExportFixture.file(text)
            defer { try? FileManager.default.removeItem(at: file) }
            _ = try await site.services.wordPressImport(htmlTrust: trusted ? .trusted : .untrusted).run(
                file: file.path)
            let page = try await site.get("/2024/03/05/ferry-returns/")
            #expect(page.contains("The ferry is back."))
            for marker in ["alert(", "onerror", "javascript:"] {
                let found = page.contains(marker)
                #expect(!found, "\(marker)")
            }
            #expect(page.contains("youtube.com/embed/imported") == trusted, "embeds only with --trust-html")
        }
    }

    @Test(
        "Markdown files are cleaned as untrusted text unless the operator vouches for them", arguments: [false, true])
    func markdown(trusted: Bool) async throws {
        try await TestSite.run(.sqlite, seed: NewsroomFixtures.seed) { site in
            let folder = try ImportCommandTests.write([
                "a.md": "---\ntitle: Imported piece\nauthor: editor@example.com\ndate: 2026-11-20 07:00\n"
                    + "status: published\n---\nText.\n\n" + Self.hostile
            ])
            defer { try? FileManager.default.removeItem(at: folder) }
            let report = try await site.services.markdownImport(htmlTrust: trusted ? .trusted : .untrusted)
                .run(folder: folder.path)
            #expect(report.created == ["a.md"], "\(report.problems)")
            let page = try await site.get("/2026/11/20/imported-piece/")
            #expect(page.contains("Text."))
            for marker in ["alert(", "onerror", "javascript:"] {
                let found = page.contains(marker)
                #expect(!found, "\(marker)")
            }
            #expect(page.contains("youtube.com/embed/imported") == trusted, "embeds only with --trust-html")
        }
    }
}
