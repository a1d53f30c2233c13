import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import HTTPTypes
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Sitemaps and robots.txt")
struct SitemapTests {
    @Test("robots.txt names both sitemaps and keeps crawlers out of the newsroom", arguments: [TestEngine.sqlite])
    func robots(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let robots = try await site.get("/robots.txt")
            #expect(robots.status == .ok && robots.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(robots.contains("Disallow: /admin/"))
            #expect(robots.contains("Sitemap: https://news.example.com/sitemap.xml"))
            #expect(robots.contains("Sitemap: https://news.example.com/news-sitemap.xml"))
        }
    }

    @Test(
        "the sitemap index lists paged article sitemaps, archives and authors; drafts stay out",
        arguments: TestEngine.available)
    func sitemaps(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let index = try await site.get("/sitemap.xml")
            #expect(index.headers[.contentType] == "application/xml; charset=utf-8")
            let children = try #require(XMLOutline.parse(index.body)).all("sitemapindex/sitemap/loc")
            #expect(
                children == [
                    "https://news.example.com/sitemap-articles-1.xml", "https://news.example.com/sitemap-archives.xml",
                    "https://news.example.com/sitemap-authors.xml",
                ])
            let articles = try #require(XMLOutline.parse(try await site.get("/sitemap-articles-1.xml").body))
            #expect(
                articles.all("urlset/url/loc") == [
                    "https://news.example.com/2026/10/19/october-feature/",
                    "https://news.example.com/2026/11/28/markets-rally-on-rate-news/",
                    "https://news.example.com/2026/11/28/council-approves-the-new-library/",
                ])
            #expect(articles.all("urlset/url/lastmod").allSatisfy { $0.hasSuffix("Z") })
            #expect(try await site.get("/sitemap-articles-2.xml").status == .notFound)
            #expect(try await site.get("/sitemap-articles-0.xml").status == .notFound)
            let archives = try #require(XMLOutline.parse(try await site.get("/sitemap-archives.xml").body))
            let places = archives.all("urlset/url/loc")
            #expect(places.first == "https://news.example.com/")
            #expect(places.contains("https://news.example.com/tag/council/"))
            #expect(places.contains("https://news.example.com/category/business/"))
            #expect(places.contains("https://news.example.com/source/wire-agency/"))
            let authors = try #require(XMLOutline.parse(try await site.get("/sitemap-authors.xml").body))
            #expect(
                authors.all("urlset/url/loc") == [
                    "https://news.example.com/author/jane-doe/", "https://news.example.com/author/sam-lee/",
                ])
            var conditional = HTTPFields()
            conditional[.ifNoneMatch] = try #require(index.headers[.eTag])
            #expect(try await site.get("/sitemap.xml", headers: conditional).status == .notModified)
        }
    }

    @Test(
        "the news sitemap has the last 48 hours' articles with publication, language and title",
        arguments: TestEngine.available)
    func news(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let news = try #require(XMLOutline.parse(try await site.get("/news-sitemap.xml").body))
            #expect(news.all("urlset/url/loc").count == 2, "October's feature is too old")
            #expect(
                news.all("urlset/url/news:news/news:publication/news:name") == ["The Test Times", "The Test Times"])
            #expect(news.all("urlset/url/news:news/news:publication/news:language") == ["en", "en"])
            #expect(
                news.all("urlset/url/news:news/news:title") == [
                    "Markets rally on rate news", "Council approves the new library",
                ])
        }
    }

    @Test("Google News language codes come from the site's language tag")
    func newsLanguages() {
        let cases = ["en": "en", "en-GB": "en", "pt-BR": "pt", "zh-CN": "zh-cn", "zh-Hant-TW": "zh-tw", "zh": "zh-cn"]
        for (tag, expected) in cases {
            #expect(NewsLanguage.code(tag) == expected, "\(tag)")
        }
    }
}
