import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import HTTPTypes
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Content API: articles")
struct ContentAPITests {
    @Test(
        "lists published articles newest first, with the card's fields and nothing private",
        arguments: TestEngine.available)
    func list(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let answer = try await site.get("/api/v1/articles")
            #expect(answer.status == .ok)
            #expect(answer.contentType.hasPrefix("application/json"))
            let items = try APIJSON.items(answer)
            #expect(
                items.map { $0["title"] as? String } == [
                    "Council approves the new library", "Markets rally on rate news", "October feature",
                ])
            let library = items[0]
            #expect(library["type"] as? String == "article")
            #expect(library["path"] as? String == "/2026/11/28/council-approves-the-new-library/")
            #expect(
                library["url"] as? String == "https://news.example.com/2026/11/28/council-approves-the-new-library/")
            #expect(library["dek"] as? String == "The vote was unanimous after a two-hour debate.")
            #expect(library["published_at"] as? String == "2026-11-28T20:06:40Z")
            let author = try #require(library["author"] as? [String: Any])
            #expect(author["name"] as? String == "Jane Doe" && author["slug"] as? String == "jane-doe")
            #expect(author["url"] as? String == "https://news.example.com/author/jane-doe/")
            #expect(author["articles"] as? String == "https://news.example.com/api/v1/articles?author=jane-doe")
            let image = try #require(library["image"] as? [String: Any])
            #expect(
                image["url"] as? String == "https://img.example/library.jpg"
                    && image["alt"] as? String == "The old library")
            #expect((library["category"] as? [String: Any])?["slug"] as? String == "local")
            let markets = items[1]
            #expect((markets["source"] as? [String: Any])?["name"] as? String == "Wire Agency")
            #expect(answer.body.contains("Secret draft") == false)
            #expect(!answer.body.contains("private@example.com"))
            #expect(try APIJSON.object(answer)["next"] == nil, "one page holds them all")
        }
    }

    @Test(
        "filters by tag, category, author, source, type and time; an unknown one is a 404 naming it",
        arguments: TestEngine.available)
    func filters(engine: TestEngine) async throws {
        try await TestSite.run(
            engine,
            seed: { services in
                try await SampleContent.seed(services)
                let sam = try #require(try await services.authors.find(email: "sam.private@example.com"))
                try await services.publishing.save(
                    ArticleDraft(
                        title: "About us", bodyMarkdown: "Who we are.", status: .published,
                        publishedAt: TestSite.now.addingTimeInterval(-60), authorID: sam.id, kind: .page))
            }
        ) { site in
            func titles(_ query: String) async throws -> [String] {
                try APIJSON.items(try await site.get("/api/v1/articles?" + query)).compactMap { $0["title"] as? String }
            }
            #expect(try await titles("tag=council") == ["Council approves the new library", "October feature"])
            #expect(try await titles("category=business") == ["Markets rally on rate news"])
            #expect(try await titles("author=sam-lee") == ["Markets rally on rate news"])
            #expect(try await titles("source=wire-agency") == ["Markets rally on rate news"])
            #expect(try await titles("type=page") == ["About us"])
            #expect(
                try await titles("after=2026-11-28T00:00:00Z") == [
                    "Council approves the new library", "Markets rally on rate news",
                ])
            #expect(try await titles("before=2026-11-28T00:00:00Z") == ["October feature"])
            #expect(try await titles("tag=council&before=2026-11-28T00:00:00Z") == ["October feature"])
            #expect(try await titles("q=library") == ["Council approves the new library"])
            #expect(!(try await titles("")).contains("About us"), "pages stay out of the news list")
            #expect(
                try APIJSON.items(try await site.get("/api/v1/pages")).map { $0["title"] as? String } == ["About us"])

            let unknown = try await site.get("/api/v1/articles?tag=no-such-tag")
            #expect(unknown.status == .notFound)
            #expect(unknown.contentType == "application/problem+json")
            let problem = try APIJSON.object(unknown)
            #expect(problem["code"] as? String == "not_found" && problem["field"] as? String == "tag")
            #expect(problem["status"] as? Int == 404)
        }
    }

    @Test(
        "pages follow `next` to the end, each article once, and stay put while a new one is published",
        arguments: TestEngine.available)
    func keysetPages(engine: TestEngine) async throws {
        try await TestSite.run(
            engine,
            seed: { services in
                try await SampleContent.seed(services)
                let jane = try #require(try await services.authors.find(email: "jane.private@example.com"))
                for index in 1...4 {
                    // Two share a second, so the id breaks the tie.
                    try await services.publishing.save(
                        ArticleDraft(
                            title: "Brief \(index)", bodyMarkdown: "Brief.", status: .published,
                            publishedAt: TestSite.now.addingTimeInterval(Double(-86_400 * (index / 2 + 1))),
                            authorID: jane.id))
                }
            }
        ) { site in
            var seen: [String] = []
            var next: String? = "/api/v1/articles?limit=2"
            var pages = 0
            while let address = next {
                let answer = try await site.get(address.replacingOccurrences(of: "https://news.example.com", with: ""))
                #expect(answer.status == .ok)
                seen += try APIJSON.items(answer).compactMap { $0["title"] as? String }
                next = try APIJSON.object(answer)["next"] as? String
                if pages == 0 {
                    #expect(next?.hasPrefix("https://news.example.com/api/v1/articles?limit=2&cursor=") == true)
                    // Published between two pages: it would shift an offset, not a position.
                    let sam = try #require(try await site.services.authors.find(email: "sam.private@example.com"))
                    try await site.services.publishing.save(
                        ArticleDraft(
                            title: "Breaking", bodyMarkdown: "News.", status: .published,
                            publishedAt: TestSite.now.addingTimeInterval(-30), authorID: sam.id))
                }
                pages += 1
            }
            #expect(pages == 4)
            #expect(seen.count == 7 && Set(seen).count == 7, "\(seen)")
            #expect(!seen.contains("Breaking"))
            #expect(
                try APIJSON.items(try await site.get("/api/v1/articles?limit=1")).first?["title"] as? String
                    == "Breaking")
        }
    }

    @Test(
        "one article by id or by address, whole; a draft or an unknown number is a 404", arguments: TestEngine.available
    )
    func oneArticle(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let list = try APIJSON.items(try await site.get("/api/v1/articles"))
            let id = try #require(list.first?["id"] as? Int)
            let answer = try await site.get("/api/v1/articles/\(id)")
            #expect(answer.status == .ok)
            let article = try APIJSON.object(answer)
            #expect(article["title"] as? String == "Council approves the new library")
            #expect((article["body_html"] as? String)?.contains("<strong>Tuesday</strong>") == true)
            #expect((article["tags"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Council", "Libraries"])
            let corrections = try #require(article["corrections"] as? [[String: Any]])
            #expect(corrections.first?["note"] as? String == "An earlier version gave the wrong date for the vote.")
            #expect((article["author"] as? [String: Any])?["bio"] as? String == "Jane covers the city.")
            #expect(article["comments_open"] as? Bool == true)
            #expect(article["comments"] as? String == "https://news.example.com/api/v1/articles/\(id)/comments")
            #expect(!answer.body.contains("private@example.com"))

            let byPath = try await site.get("/api/v1/lookup?path=/2026/11/28/council-approves-the-new-library/")
            #expect(try APIJSON.object(byPath)["id"] as? Int == id)
            #expect(try await site.get("/api/v1/lookup?path=/tag/council/").status == .notFound)
            #expect(try await site.get("/api/v1/lookup?path=nowhere").status == .badRequest)

            let draftID = try #require(try await site.services.articles.id(forSlug: Slug(trusted: "secret-draft")))
            let draft = try await site.get("/api/v1/articles/\(draftID)")
            #expect(draft.status == .notFound && draft.contentType == "application/problem+json")
            #expect(!draft.body.contains("Secret draft"))
            #expect(try await site.get("/api/v1/articles/999999").status == .notFound)
        }
    }

    @Test(
        "bad parameters get a 400 problem naming the parameter; unknown addresses a 404 problem, never a page",
        arguments: TestEngine.available)
    func problems(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let cases: [(String, String)] = [
                ("/api/v1/articles?limit=0", "limit"), ("/api/v1/articles?limit=101", "limit"),
                ("/api/v1/articles?limit=many", "limit"), ("/api/v1/articles?type=video", "type"),
                ("/api/v1/articles?after=yesterday", "after"), ("/api/v1/articles?cursor=bm9wZQ", "cursor"),
                ("/api/v1/articles/abc", "id"), ("/api/v1/articles?q=rates&tag=council", "q"),
                ("/api/v1/tags?cursor=dDoxOjI", "cursor"),
            ]
            for (address, field) in cases {
                let answer = try await site.get(address)
                #expect(answer.status == .badRequest, "\(address)")
                #expect(answer.contentType == "application/problem+json", "\(address)")
                let problem = try APIJSON.object(answer)
                #expect(problem["field"] as? String == field, "\(address): \(answer.body)")
                #expect((problem["detail"] as? String)?.isEmpty == false)
            }
            let missing = try await site.get("/api/v1/no-such-thing")
            #expect(missing.status == .notFound && missing.contentType == "application/problem+json")
            #expect(try await site.get("/api/v1/lookup").status == .badRequest)
            let wrongMethod = try await site.post("/api/v1/articles", form: [:])
            #expect(wrongMethod.contentType == "application/problem+json")
            #expect(wrongMethod.status.code >= 400 && wrongMethod.status.code < 500)
        }
    }
}

/// Reading JSON answers in tests.
enum APIJSON {
    static func object(_ answer: Fetched) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any], "\(answer.body)")
    }

    static func items(_ answer: Fetched) throws -> [[String: Any]] {
        try #require(try object(answer)["items"] as? [[String: Any]], "\(answer.body)")
    }
}
