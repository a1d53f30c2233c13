import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Article page")
struct ArticlePageTests {
    @Test("shows every element of an article page", arguments: TestEngine.available)
    func everyElement(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let page = try await site.get("/2026/11/28/council-approves-the-new-library/")
            #expect(page.status == .ok)
            #expect(page.contentType == "text/html; charset=utf-8")
            #expect(page.contains("<title>Council approves the new library – The Test Times</title>"))
            #expect(page.count("<h1") == 1)
            #expect(page.contains(#"class="article-title">Council approves the new library</h1>"#))
            #expect(page.contains(#"<p class="dek">The vote was unanimous after a two-hour debate.</p>"#))
            #expect(page.contains(#"By <a rel="author" href="/author/jane-doe/">Jane Doe</a>"#))
            #expect(page.contains(#"<time datetime="2026-11-28T20:06:40Z">28 November 2026</time>"#))
            #expect(page.contains("<strong>Tuesday</strong>"))
            #expect(page.contains("<blockquote>"))
            #expect(page.contains("An earlier version gave the wrong date for the vote."))
            #expect(page.contains(#"<a href="/category/local/">Local</a>"#))
            #expect(page.contains(#"<a rel="tag" href="/tag/council/">Council</a>"#))
            #expect(page.contains(#"<a rel="tag" href="/tag/libraries/">Libraries</a>"#))
            #expect(page.contains(#"<img src="https://img.example/library.jpg" alt="The old library">"#))
            #expect(page.contains("Photo: A. Lens"))
            #expect(
                page.contains(
                    #"<link rel="canonical" href="https://news.example.com/2026/11/28/council-approves-the-new-library/">"#
                ))
            #expect(page.contains("Latest Posts"))
            #expect(page.contains(#"<a href="/2026/11/28/markets-rally-on-rate-news/">Markets rally on rate news</a>"#))
            #expect(!page.contains(#"<li><a href="/2026/11/28/council-approves-the-new-library/">"#))
            #expect(!page.contains("Secret draft"))
            #expect(!page.contains("private@example.com"))
        }
    }

    @Test(
        "a syndicated article says Source: outlet, linked to the original and to the outlet's archive",
        arguments: TestEngine.available)
    func sourceAttribution(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let page = try await site.get("/2026/11/28/markets-rally-on-rate-news/")
            #expect(page.status == .ok)
            #expect(
                page.contains(
                    #"Source: <a href="https://wire.example/markets-rally" rel="noopener">Wire Agency</a>"#))
            #expect(page.contains(#"href="/source/wire-agency/""#))
            let archive = try await site.get("/source/wire-agency/")
            #expect(archive.status == .ok)
            #expect(archive.contains("Source: Wire Agency"))
            #expect(archive.contains("Markets rally on rate news"))
        }
    }

    @Test("only an article edited after publication shows an Updated date", arguments: TestEngine.available)
    func updatedDate(engine: TestEngine) async throws {
        let clock = ManualClock(TestSite.now)
        try await TestSite.run(engine, clock: clock.clock, seed: SampleContent.seed) { site in
            let path = "/2026/11/28/markets-rally-on-rate-news/"
            #expect(!(try await site.get(path).contains("Updated")))
            var (draft, id) = try await site.marketsDraft()
            clock.advance(seconds: 3_600)
            try await site.services.publishing.save(draft, id: id)
            #expect(!(try await site.get(path).contains("Updated")), "a save that changes nothing is no update")
            draft.bodyMarkdown += "\n\nShares fell back in the afternoon."
            try await site.services.publishing.save(draft, id: id)
            let page = try await site.get(path)
            #expect(page.contains(#"Updated <time datetime="2026-11-28T22:06:40Z">28 November 2026</time>"#))
        }
    }

    @Test("text from articles is escaped; only the rendered body is HTML", arguments: TestEngine.available)
    func escaping(engine: TestEngine) async throws {
        try await TestSite.run(
            engine,
            seed: { services in
                let author = try await services.authors.create(
                    .init(name: "<script>x</script>", email: "x@example.com", role: .author), now: TestSite.now)
                try await services.publishing.save(
                    .init(
                        title: "Tom & \"Jerry\" <b>", dek: "<img src=x onerror=alert(1)>", bodyMarkdown: "Plain",
                        status: .published, publishedAt: TestSite.now, authorID: author.id))
            }
        ) { site in
            let page = try await site.get("/2026/11/28/tom-and-jerry-b/")
            #expect(page.status == .ok)
            #expect(page.contains("Tom &amp; &quot;Jerry&quot; &lt;b&gt;"))
            #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"))
            #expect(!page.contains("<script>x</script>"))
        }
    }
}
