import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import HTTPTypes
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Revisions, corrections, preview and the trash")
struct ArticleHistoryTests {
    static let slug = Slug(trusted: "markets-rally-on-rate-news")
    static let page = "/2026/11/28/markets-rally-on-rate-news/"

    /// The editor's fields for the seeded article, as the page shows them, with some changed.
    static func fields(
        _ page: Fetched, csrf: String, changing changes: [String: String] = [:],
        corrections: [(String, String)] = []
    ) -> [(String, String)] {
        var values = [String: String]()
        for name in [
            "title", "slug", "dek", "excerpt", "tags", "category", "source", "source_url", "published_at", "revision",
        ] {
            values[name] = input(name, in: page.body)
        }
        values["body"] = textarea("body", in: page.body)
        values["excerpt"] = textarea("excerpt", in: page.body)
        values["status"] = "published"
        values["comments"] = "open"
        values["csrf_token"] = csrf
        values.merge(changes) { _, new in new }
        var pairs = values.map { ($0.key, $0.value) }
        for (date, note) in corrections {
            pairs.append(("correction_date", date))
            pairs.append(("correction_note", note))
        }
        return pairs
    }

    /// The value of a text input, unescaped as a browser would send it.
    static func input(_ name: String, in html: String) -> String {
        guard let match = html.firstMatch(of: try! Regex(#"name="\#(name)"[^>]*? value="([^"]*)""#)),
            let value = match.output[1].substring
        else { return "" }
        return unescape(String(value))
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func textarea(_ name: String, in html: String) -> String {
        guard let start = html.range(of: #"name="\#(name)""#),
            let open = html[start.upperBound...].range(of: ">"),
            let close = html[open.upperBound...].range(of: "</textarea>")
        else { return "" }
        return unescape(String(html[open.upperBound..<close.lowerBound]))
    }

    @Test(
        "every save is a revision with who and when; a revision shows its changes and restores as a new one",
        arguments: TestEngine.available)
    func revisions(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            let id = try #require(try await site.services.articles.id(forSlug: Self.slug))
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            let csrf = try await editor.csrf()
            let path = "/admin/articles/\(id)"
            let original = try await editor.open(path)
            let originalBody = Self.textarea("body", in: original.body)
            let saved = try await editor.post(
                path, pairs: Self.fields(original, csrf: csrf, changing: ["body": "Stocks fell after all."]))
            #expect(
                saved.status == .seeOther,
                "\(saved.body.components(separatedBy: "field-error").dropFirst().map { $0.prefix(120) })")
            #expect(try await site.get(Self.page).contains("Stocks fell after all."))

            let history = try await editor.open(path + "/revisions")
            #expect(history.status == .ok)
            #expect(history.contains("Editor User"), "the person who saved is named")
            #expect(history.count("Revision ") >= 2)
            let current = try #require(Int(Reader.field("revision", in: try await editor.open(path).body)))
            let change = try await editor.open(path + "/revisions/\(current)")
            #expect(change.contains(#"<span class="diff-added">"#) && change.contains("Stocks fell after all."))
            #expect(change.contains(#"<span class="diff-removed">"#))

            // Restoring the first revision asks first, showing what would change, then brings the old body
            // back as a new revision.
            let first = try await editor.open(path + "/revisions/\(current - 1)")
            let asked = try await editor.post(
                path + "/revisions/\(current - 1)/restore",
                pairs: [("csrf_token", csrf), ("revision", Reader.field("revision", in: first.body))])
            #expect(asked.status == .ok && asked.contains("Restore revision \(current - 1) of"))
            #expect(
                asked.contains("Yes, restore revision \(current - 1)") && asked.contains(#"name="confirm" value="yes""#)
            )
            #expect(asked.contains(#"<span class="diff-removed">"#) && asked.contains("Stocks fell after all."))
            #expect(try await site.services.articles.find(id: id)?.revision == current, "nothing restored yet")
            // Reloading the confirmation's address goes back to the revision; a revision like the article
            // now has nothing to restore.
            let reloaded = try await editor.open(path + "/revisions/\(current - 1)/restore")
            #expect(reloaded.status == .seeOther && reloaded.location == path + "/revisions/\(current - 1)")
            let same = try await editor.post(
                path + "/revisions/\(current)/restore", pairs: [("csrf_token", csrf), ("revision", "\(current)")])
            #expect(same.contains("Nothing to restore"))
            let restored = try await editor.post(
                path + "/revisions/\(current - 1)/restore",
                pairs: [
                    ("csrf_token", csrf), ("revision", Reader.field("revision", in: first.body)), ("confirm", "yes"),
                ])
            #expect(restored.status == .seeOther, "\(restored.body.prefix(400))")
            #expect(
                try await editor.open(try #require(restored.location)).contains(
                    "Restored revision \(current - 1) as a new revision."))
            let article = try #require(try await site.services.articles.find(id: id))
            #expect(article.bodyMarkdown == originalBody)
            #expect(article.revision == current + 1)
            #expect(try await editor.open(path + "/revisions").contains("Restored revision \(current - 1)"))
            #expect(!(try await site.get(Self.page).contains("Stocks fell after all.")))

            // A restore from a page opened before another save changes nothing.
            let stale = try await editor.post(
                path + "/revisions/\(current)/restore",
                pairs: [("csrf_token", csrf), ("revision", "\(current)"), ("confirm", "yes")])
            #expect(stale.contains("nothing was restored"))
            #expect(try await site.services.articles.find(id: id)?.revision == current + 1)
        }
    }

    @Test(
        "revisions keep tags, category, source, image, corrections and settings; restoring brings them back but the corrections",
        arguments: TestEngine.available)
    func everyField(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            let first = [
                "title": "Lock gates", "body": "Text.", "tags": "Canal, Works", "category": "Local",
                "source": "Canal News", "source_url": "https://canal.example/gates",
                "image_url": "https://img.example/g.jpg",
                "image_alt": "The gates", "image_credit": "Canal Photo", "comments": "open", "action": "draft",
            ]
            let saved = try await editor.post(
                "/admin/articles/new", ArticleEditorTests.form(first, csrf: try await editor.csrf()))
            let path = try #require(saved.location?.components(separatedBy: "?").first)
            let id = try #require(Int64(path.split(separator: "/").last ?? ""))
            var second = first
            second.merge([
                "tags": "Canal", "category": "Transport", "source": "", "source_url": "", "image_url": "",
                "image_alt": "", "image_credit": "", "comments": "closed",
                "correction_note": "The gate count was wrong.",
                "correction_date": "2026-11-28 20:00",
            ]) { $1 }
            let revision = Reader.field("revision", in: try await editor.open(path).body)
            #expect(
                try await editor.post(
                    path, ArticleEditorTests.form(second, csrf: try await editor.csrf(), revision: revision)
                )
                .status == .seeOther)

            // The second revision's page shows every field that changed.
            let change = try await editor.open(path + "/revisions/2")
            for removed in [
                "Tags: Canal, Works", "Category: Local", "Source: Canal News (https://canal.example/gates)",
                "Image: https://img.example/g.jpg", "Comments: open",
            ] {
                #expect(change.contains(#"<span class="visually-hidden">Removed: </span>\#(removed)"#), "\(removed)")
            }
            for added in [
                "Tags: Canal", "Category: Transport", "Source: none", "Image: none",
                "Correction of 2026-11-28 20:00: The gate count was wrong.", "Comments: closed",
            ] {
                #expect(change.contains(#"<span class="visually-hidden">Added: </span>\#(added)"#), "\(added)")
            }

            // Restoring revision 1 brings every field back, after asking.
            let current = Reader.field("revision", in: try await editor.open(path).body)
            let restored = try await editor.post(
                path + "/revisions/1/restore",
                pairs: [("csrf_token", try await editor.csrf()), ("revision", current), ("confirm", "yes")])
            #expect(restored.status == .seeOther)
            let article = try #require(try await site.services.articles.find(id: id))
            #expect(article.tags.map(\.name) == ["Canal", "Works"] && article.summary.category?.name == "Local")
            #expect(article.summary.source?.name == "Canal News" && article.sourceURL == "https://canal.example/gates")
            #expect(
                article.summary.image?.url == "https://img.example/g.jpg"
                    && article.summary.image?.credit == "Canal Photo")
            #expect(article.commentStatus == .open)
            #expect(article.corrections.map(\.note) == ["The gate count was wrong."], "a correction stays on record")
            #expect(article.summary.status == .draft)
        }
    }

    @Test("revisions are closed to people who cannot edit the article", arguments: [TestEngine.sqlite])
    func revisionAccess(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            let id = try #require(try await site.services.articles.id(forSlug: Self.slug))
            #expect(try await site.get("/admin/articles/\(id)/revisions").status == .seeOther)
            var author = Staff(site: site)
            _ = try await author.signIn("author@example.com", NewsroomFixtures.password)
            #expect(try await author.open("/admin/articles/\(id)/revisions").status == .forbidden)
            #expect(try await author.open("/admin/articles/\(id)/revisions/1").status == .forbidden)
            let restore = try await author.post(
                "/admin/articles/\(id)/revisions/1/restore",
                pairs: [("csrf_token", try await author.csrf()), ("revision", "1")])
            #expect(restore.status == .forbidden)
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            let forged = try await editor.post(
                "/admin/articles/\(id)/revisions/1/restore", pairs: [("csrf_token", "forged"), ("revision", "1")])
            #expect(forged.status == .forbidden && forged.contains("This form has expired"))
            #expect(try await editor.open("/admin/articles/\(id)/revisions/999").status == .notFound)
            #expect(try await editor.open("/admin/articles/\(id)/revisions/abc").status == .notFound)
        }
    }

    @Test(
        "a correction added in the editor is dated and shown to readers; later saves keep it",
        arguments: TestEngine.available)
    func corrections(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            let id = try #require(try await site.services.articles.id(forSlug: Self.slug))
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            let csrf = try await editor.csrf()
            let path = "/admin/articles/\(id)"
            let added = try await editor.post(
                path,
                pairs: Self.fields(
                    try await editor.open(path), csrf: csrf,
                    corrections: [("", "An earlier version misstated the index's close.")]))
            #expect(added.status == .seeOther)
            #expect(try await site.get(Self.page).contains("An earlier version misstated the index&#39;s close."))
            // The editor shows it, dated, and saving the page again keeps it.
            let reopened = try await editor.open(path)
            #expect(reopened.contains("An earlier version misstated"))
            let dates = reopened.body.components(
                separatedBy: #"name="correction_date" type="text" placeholder="2026-12-03 09:30" value=""#)
            #expect(dates.count == 3 && dates[1].hasPrefix("2026-11-28 21:06"), "dated now, and one empty row")
            let again = try await editor.post(
                path,
                pairs: Self.fields(
                    reopened, csrf: csrf, changing: ["dek": "Shares rose."],
                    corrections: [("2026-11-28 21:06", "An earlier version misstated the index's close."), ("", "")]))
            #expect(again.status == .seeOther)
            #expect(try await site.services.articles.find(id: id)?.corrections.count == 1)
            let bad = try await editor.post(
                path,
                pairs: Self.fields(
                    try await editor.open(path), csrf: csrf, corrections: [("yesterday-ish", "Wrong date")]))
            #expect(bad.status == .unprocessableContent && bad.contains("Write each correction"))
            #expect(bad.contains(#"value="Wrong date""#), "what was typed is kept")
        }
    }

    @Test("an article moved to the trash leaves the site and comes back as a draft", arguments: TestEngine.available)
    func trash(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            let id = try #require(try await site.services.articles.id(forSlug: Self.slug))
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            let csrf = try await editor.csrf()
            let path = "/admin/articles/\(id)"
            let revision = Reader.field("revision", in: try await editor.open(path).body)
            let trashed = try await editor.post(
                path + "/status", pairs: [("csrf_token", csrf), ("status", "trashed"), ("revision", revision)])
            #expect(trashed.status == .seeOther)
            #expect(try await editor.open(trashed.location ?? "").contains("The article is in the trash"))
            #expect(try await site.get(Self.page).status == .notFound)
            #expect(try await editor.open("/admin/articles?status=trashed").contains("Markets rally"))
            let stale = try await editor.post(
                path + "/status", pairs: [("csrf_token", csrf), ("status", "draft"), ("revision", revision)])
            #expect(stale.status == .conflict)
            let current = Reader.field("revision", in: try await editor.open(path).body)
            let restored = try await editor.post(
                path + "/status", pairs: [("csrf_token", csrf), ("status", "draft"), ("revision", current)])
            #expect(restored.status == .seeOther)
            #expect(try await site.services.articles.find(id: id)?.summary.status == .draft)
            #expect(try await site.services.articles.find(id: id)?.summary.title == "Markets rally on rate news")
        }
    }
}
