import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Assets, health and themes")
struct SiteServicesTests {
    @Test("stylesheets are served under fingerprinted names with a year-long cache", arguments: [TestEngine.sqlite])
    func fingerprintedAssets(engine: TestEngine) async throws {
        try await TestSite.run(engine) { site in
            let home = try await site.get("/")
            let match = try #require(home.body.firstMatch(of: /href="(\/assets\/gazette\.[0-9a-f]+\.css)"/))
            let css = try await site.get(String(match.1))
            #expect(css.status == .ok)
            #expect(css.contentType == "text/css; charset=utf-8")
            #expect(css.headers[.cacheControl] == "public, max-age=31536000, immutable")
            let plain = try await site.get("/assets/gazette.css")
            #expect(plain.headers[.cacheControl] == "public, max-age=300")
            #expect(plain.body == css.body)
        }
    }

    @Test("/healthz answers 200 while the database answers", arguments: TestEngine.available)
    func health(engine: TestEngine) async throws {
        try await TestSite.run(engine) { site in
            // The check gives the database a second; on a machine busy with the whole suite one answer may miss
            // it, as a load balancer allows for by asking again.
            var health = try await site.get("/healthz")
            for _ in 1...2 where health.status != .ok { health = try await site.get("/healthz") }
            #expect(health.status == .ok)
            #expect(health.body == "ok\n")
        }
    }

    @Test("a theme folder overrides single templates, most specific first", arguments: [TestEngine.sqlite])
    func themeOverride(engine: TestEngine) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "<p id=\"custom-footer\">Custom footer for {{site.title}}</p>".write(
            to: templates.appendingPathComponent("site-footer.mustache"), atomically: true, encoding: .utf8)
        try "{{<layout}}{{$content}}<h1>Special: {{article.title}}</h1>{{/content}}{{/layout}}".write(
            to: templates.appendingPathComponent("article-markets-rally-on-rate-news.mustache"), atomically: true,
            encoding: .utf8)
        try await TestSite.run(engine, configure: { $0.themeDirectory = folder.path }, seed: SampleContent.seed) {
            site in
            let home = try await site.get("/")
            #expect(home.contains(#"<p id="custom-footer">Custom footer for The Test Times</p>"#))
            let special = try await site.get("/2026/11/28/markets-rally-on-rate-news/")
            #expect(special.contains("<h1>Special: Markets rally on rate news</h1>"))
            let normal = try await site.get("/2026/11/28/council-approves-the-new-library/")
            #expect(normal.contains(#"class="article-title""#))
        }
    }

    @Test("a brand-new site shows the welcome article once, and never brings it back", arguments: TestEngine.available)
    func welcomeArticle(engine: TestEngine) async throws {
        try await TestSite.run(
            engine,
            seed: { services in
                let first = try await services.welcomeArticle.writeIfSiteIsNew()
                let second = try await services.welcomeArticle.writeIfSiteIsNew()
                #expect(first && !second)
            }
        ) { site in
            let home = try await site.get("/")
            #expect(home.contains("Welcome to Gazette"))
            let day = PublicationDay(date: TestSite.now, timeZone: TimeZone(identifier: "UTC")!)
            let page = try await site.get("/\(day.year)/\(day.month)/\(day.day)/welcome-to-gazette/")
            #expect(page.status == .ok)
            #expect(page.contains("Publish your first story"))
            #expect(page.contains(#"<h1 id="article-title" class="article-title">Welcome to Gazette</h1>"#))
            #expect(page.contains(#"<p class="dek">Your news site is running."#))
            #expect(page.contains(#"By <a rel="author" href="/author/gazette-team/">The Gazette Team</a>"#))
            #expect(page.contains(#"<a rel="tag" href="/tag/getting-started/">Getting started</a>"#))
            #expect(page.contains(#"<a href="/category/guides/">Guides</a>"#))
            #expect(page.contains("Source: The Gazette handbook"))
            #expect(page.contains(#"<img src="/assets/welcome.svg" alt="A folded newspaper beside a cup of coffee">"#))
            #expect(page.contains("An earlier draft of this guide said imports duplicate existing stories."))
            #expect(page.contains("Latest Posts"))
            #expect(page.contains("Change the look without touching code"))
            #expect(page.contains("Growing from one machine to many"))
            #expect(page.contains(#"<link rel="canonical""#))
            let image = try await site.get("/assets/welcome.svg")
            #expect(image.status == .ok && image.contentType == "image/svg+xml")
        }
    }
}
