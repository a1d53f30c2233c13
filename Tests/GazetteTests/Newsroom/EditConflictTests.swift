import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Article editor: edit conflicts")
struct EditConflictTests {
    /// The conflict table's rows as (field, theirs, yours).
    static func rows(_ page: String) -> [String] {
        page.matches(
            of: try! Regex(
                #"<tr><th scope="row">([^<]*)</th><td data-label="[^"]*">([^<]*)</td><td data-label="[^"]*">([^<]*)</td></tr>"#
            )
        )
        .map { "\($0.output[1].substring ?? "")|\($0.output[2].substring ?? "")|\($0.output[3].substring ?? "")" }
    }

    @Test(
        "a save refused for a save in between lists every field that differs, and says when it was the same account",
        arguments: TestEngine.available)
    func everyField(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var laptop = Staff(site: site)
            _ = try await laptop.signIn("editor@example.com", NewsroomFixtures.password)
            let base = [
                "title": "Bridge works", "dek": "Lanes close.", "body": "Text.", "tags": "Roads",
                "image_url": "https://img.example/a.jpg", "image_alt": "The bridge", "action": "draft",
            ]
            let saved = try await laptop.post(
                "/admin/articles/new", ArticleEditorTests.form(base, csrf: try await laptop.csrf()))
            let path = try #require(saved.location?.components(separatedBy: "?").first)
            let revision = Reader.field("revision", in: try await laptop.open(path).body)

            // The same person, in another tab: a new dek, a tag, another image and a correction.
            var tabs = base
            tabs.merge([
                "dek": "Two lanes close.", "tags": "Roads, Bridges", "image_url": "https://img.example/b.jpg",
                "correction_note": "The closing date was wrong.", "correction_date": "2026-11-28 20:00",
            ]) { $1 }
            #expect(
                try await laptop.post(
                    path, ArticleEditorTests.form(tabs, csrf: try await laptop.csrf(), revision: revision)
                ).status == .seeOther)

            // The first tab saves its own change to the body, from the old revision.
            var first = base
            first["body"] = "Text, longer."
            let refused = try await laptop.post(
                path, ArticleEditorTests.form(first, csrf: try await laptop.csrf(), revision: revision))
            #expect(refused.status == .conflict)
            #expect(refused.contains("You saved this article in another tab or window"))
            #expect(refused.contains("Saved from your other tab"))
            // The body, as a diff from the saved version to this one.
            #expect(refused.contains(#"<th scope="row">Body</th><td colspan="2""#))
            #expect(refused.contains("<span class=\"visually-hidden\">Removed: </span>Text.\n</span>"))
            #expect(refused.contains(#"Added: </span>Text, longer."#))
            #expect(
                Self.rows(refused.body) == [
                    "Dek|Two lanes close.|Lanes close.",
                    "Corrections|2026-11-28 20:00 — The closing date was wrong.|",
                    "Tags|Roads, Bridges|Roads", "Featured image|https://img.example/b.jpg|https://img.example/a.jpg",
                ])

            // Someone else's save says so instead.
            var other = Staff(site: site)
            _ = try await other.signIn("admin@example.com", NewsroomFixtures.password)
            let current = Reader.field("revision", in: try await other.open(path).body)
            var theirs = tabs
            theirs["title"] = "Bridge works begin"
            #expect(
                try await other.post(
                    path, ArticleEditorTests.form(theirs, csrf: try await other.csrf(), revision: current)
                )
                .status == .seeOther)
            let second = try await laptop.post(
                path, ArticleEditorTests.form(tabs, csrf: try await laptop.csrf(), revision: current))
            #expect(second.status == .conflict)
            #expect(second.contains("Someone else saved this article while you were editing."))
            #expect(Self.rows(second.body) == ["Headline|Bridge works begin|Bridge works"])
        }
    }
}
