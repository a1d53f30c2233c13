import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Front page and archives")
struct ListPagesTests {
    @Test(
        "the front page lists published articles, newest first, with bylines and dates",
        arguments: TestEngine.available)
    func frontPage(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let page = try await site.get("/")
            #expect(page.status == .ok)
            let library = try #require(page.body.range(of: "Council approves the new library"))
            let markets = try #require(page.body.range(of: "Markets rally on rate news"))
            let october = try #require(page.body.range(of: "October feature"))
            #expect(library.lowerBound < markets.lowerBound && markets.lowerBound < october.lowerBound)
            #expect(page.contains(#"By <a href="/author/sam-lee/">Sam Lee</a>"#))
            #expect(page.contains(#"<img src="https://img.example/library.jpg""#))
            #expect(page.contains("The vote was unanimous"))
            #expect(!page.contains("Secret draft"))
            #expect(page.count("<h1") == 1)
        }
    }

    @Test("lists page with newer and older links; a page past the end is a 404", arguments: TestEngine.available)
    func paging(engine: TestEngine) async throws {
        try await TestSite.run(
            engine, configure: { $0.articlesPerPage = 2 },
            seed: { services in
                try await SampleContent.seed(services)
                let jane = try #require(try await services.authors.find(email: "jane.private@example.com"))
                for index in 1...3 {
                    try await services.publishing.save(
                        .init(
                            title: "Brief \(index)", bodyMarkdown: "Brief.", status: .published,
                            publishedAt: TestSite.now.addingTimeInterval(Double(-86_400 * index)), authorID: jane.id))
                }
            }
        ) { site in
            let first = try await site.get("/")
            #expect(first.contains(#"href="/page/2/" rel="next""#))
            #expect(first.contains("Page 1 of 3"))
            let second = try await site.get("/page/2/")
            #expect(second.status == .ok)
            #expect(second.contains(#"href="/" rel="prev""#))
            #expect(second.contains(#"href="/page/3/" rel="next""#))
            #expect(second.contains("<title>Latest news, page 2 – The Test Times</title>"))
            #expect(try await site.get("/page/4/").status == .notFound)
        }
    }

    @Test("each archive has a heading that says what it lists", arguments: TestEngine.available)
    func archives(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let expectations: [(String, String, [String], [String])] = [
                ("/tag/council/", "Tag: Council", ["Council approves", "October feature"], ["Markets rally"]),
                ("/category/business/", "Category: Business", ["Markets rally"], ["Council approves"]),
                (
                    "/author/jane-doe/", "Articles by Jane Doe", ["Council approves", "Jane covers the city."],
                    ["Markets rally"]
                ),
                ("/2026/", "Archive: 2026", ["Council approves", "October feature"], []),
                ("/2026/11/", "Archive: November 2026", ["Council approves", "Markets rally"], ["October feature"]),
                ("/2026/10/", "Archive: October 2026", ["October feature"], ["Council approves"]),
            ]
            for (path, heading, present, absent) in expectations {
                let page = try await site.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(page.contains(#"<h1 class="list-title">\#(heading)</h1>"#), "\(path)")
                for text in present { #expect(page.contains(text), "\(path) should list \(text)") }
                for text in absent { #expect(!page.contains(text), "\(path) should not list \(text)") }
                #expect(!page.contains("Secret draft"))
            }
        }
    }

    @Test("unknown archives and empty months are 404 pages", arguments: TestEngine.available)
    func unknownArchives(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            for path in [
                "/tag/nothing/", "/category/nothing/", "/author/nobody/", "/source/nobody/", "/2019/", "/2026/05/",
            ] {
                let page = try await site.get(path)
                #expect(page.status == .notFound, "\(path)")
                #expect(page.contains("Page not found"), "\(path)")
            }
        }
    }
}
