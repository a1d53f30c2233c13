import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Metadata for search engines and social sites")
struct MetadataTests {
    /// The page's JSON-LD graph, by `@type`.
    static func graph(_ page: Fetched) throws -> [String: [String: Any]] {
        let opening = #"<script type="application/ld+json">"#
        let start = try #require(page.body.range(of: opening))
        let end = try #require(page.body[start.upperBound...].range(of: "</script>"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(page.body[start.upperBound..<end.lowerBound].utf8))
                as? [String: Any])
        #expect(json["@context"] as? String == "https://schema.org")
        let nodes = try #require(json["@graph"] as? [[String: Any]])
        var byType: [String: [String: Any]] = [:]
        for node in nodes { byType[node["@type"] as? String ?? "?"] = node }
        return byType
    }

    @Test(
        "an article page carries Open Graph, a Twitter card and a NewsArticle with corrections",
        arguments: TestEngine.available)
    func article(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let page = try await site.get("/2026/11/28/council-approves-the-new-library/")
            #expect(page.contains(#"<meta property="og:type" content="article">"#))
            #expect(page.contains(#"<meta property="og:image" content="https://img.example/library.jpg">"#))
            #expect(page.contains(#"<meta property="article:section" content="Local">"#))
            #expect(page.contains(#"<meta property="article:tag" content="Libraries">"#))
            #expect(page.contains(#"<meta property="article:published_time" content="2026-11-28T20:06:40Z">"#))
            #expect(page.contains(#"<meta name="twitter:card" content="summary_large_image">"#))
            let graph = try Self.graph(page)
            let article = try #require(graph["NewsArticle"])
            #expect(article["headline"] as? String == "Council approves the new library")
            #expect(article["description"] as? String == "The vote was unanimous after a two-hour debate.")
            #expect(article["image"] as? [String] == ["https://img.example/library.jpg"])
            #expect(article["datePublished"] as? String == "2026-11-28T20:06:40Z")
            let author = try #require((article["author"] as? [[String: Any]])?.first)
            #expect(author["name"] as? String == "Jane Doe")
            #expect(author["url"] as? String == "https://news.example.com/author/jane-doe/")
            let corrections = try #require(article["correction"] as? [[String: Any]])
            #expect(corrections.first?["text"] as? String == "An earlier version gave the wrong date for the vote.")
            let organization = try #require(graph["NewsMediaOrganization"])
            #expect((organization["logo"] as? [String: Any])?["url"] as? String != nil)
            #expect(organization["name"] as? String == "The Test Times")
            let crumbs = try #require(graph["BreadcrumbList"]?["itemListElement"] as? [[String: Any]])
            #expect(
                crumbs.map { $0["name"] as? String } == ["The Test Times", "Local", "Council approves the new library"])
            #expect(!page.contains("jane.private@example.com"))
        }
    }

    @Test("a syndicated article names what it is based on", arguments: [TestEngine.sqlite])
    func sourced(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let graph = try Self.graph(try await site.get("/2026/11/28/markets-rally-on-rate-news/"))
            let based = try #require(graph["NewsArticle"]?["isBasedOn"] as? [String: Any])
            #expect(based["name"] as? String == "Wire Agency")
            #expect(based["url"] as? String == "https://wire.example/markets-rally")
        }
    }

    @Test(
        "the front page describes the site and its search box; deep pages are not indexed",
        arguments: [TestEngine.sqlite])
    func site(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let home = try await site.get("/")
            #expect(home.contains(#"<meta property="og:type" content="website">"#))
            let graph = try Self.graph(home)
            let action = try #require(graph["WebSite"]?["potentialAction"] as? [String: Any])
            #expect(action["@type"] as? String == "SearchAction")
            #expect(
                (action["target"] as? [String: Any])?["urlTemplate"] as? String
                    == "https://news.example.com/search?q={search_term_string}")
            let missing = try await site.get("/no/such/page/")
            #expect(missing.status == .notFound && !missing.contains("application/ld+json"))
            #expect(missing.contains(#"<meta name="robots" content="noindex, follow">"#))
        }
    }
}
