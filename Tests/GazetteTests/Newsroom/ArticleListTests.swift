import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Newsroom article list")
struct ArticleListTests {
    @Test(
        "filters by author, tag, category and source combine, and the status tabs keep them",
        arguments: TestEngine.available)
    func filters(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            let wire = try await editor.open("/admin/articles?source=wire-agency")
            #expect(wire.contains("Markets rally") && !wire.contains("Council approves"))
            #expect(wire.contains(#"<option value="wire-agency" selected>Wire Agency</option>"#))
            let council = try await editor.open("/admin/articles?tag=council")
            #expect(council.contains("Council approves") && council.contains("October feature"))
            #expect(!council.contains("Markets rally"))
            let local = try await editor.open("/admin/articles?tag=council&category=local")
            #expect(local.contains("Council approves") && !local.contains("October feature"))
            #expect(local.contains("/admin/articles?status=published&amp;tag=council&amp;category=local"))
            let jane = try await editor.open("/admin/articles?author=jane-doe&status=draft")
            #expect(jane.contains("Secret draft") && !jane.contains("Council approves"))
            // The search form's spaces arrive as "+", as browsers send them.
            let searched = try await editor.open("/admin/articles?q=council+approves")
            #expect(searched.contains("Council approves") && !searched.contains("Markets rally"))
            let unknown = try await editor.open("/admin/articles?tag=no-such-tag")
            #expect(unknown.contains("No articles here."))
            let odd = try await editor.open("/admin/articles?tag=%00%27%22&source=%F0%9F%98%80&page=abc")
            #expect(odd.status == .ok && odd.contains("No articles here."))
            #expect(
                !odd.body.unicodeScalars.contains("\u{0}") && odd.contains("\u{FFFD}&#39;&quot;"), "NUL is never sent")

            var author = Staff(site: site)
            _ = try await author.signIn("author@example.com", NewsroomFixtures.password)
            let own = try await author.open("/admin/articles?author=jane-doe")
            #expect(!own.contains("Council approves"), "authors see only their own articles, whatever the filter")
            #expect(!own.contains(#"<select id="author""#))
        }
    }
}
