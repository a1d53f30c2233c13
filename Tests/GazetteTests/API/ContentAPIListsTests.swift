import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import HTTPTypes
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Content API: terms, comments, caching and the document")
struct ContentAPIListsTests {
    @Test(
        "tags, categories, sources and authors with published articles, by slug, paged", arguments: TestEngine.available
    )
    func terms(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let tags = try APIJSON.items(try await site.get("/api/v1/tags"))
            #expect(tags.map { $0["slug"] as? String } == ["council", "libraries", "markets"])
            #expect(tags.first?["article_count"] as? Int == 2)
            #expect(tags.first?["url"] as? String == "https://news.example.com/tag/council/")
            #expect(tags.first?["articles"] as? String == "https://news.example.com/api/v1/articles?tag=council")
            let first = try await site.get("/api/v1/tags?limit=2")
            #expect(try APIJSON.items(first).count == 2)
            let next = try #require(try APIJSON.object(first)["next"] as? String)
            let rest = try await site.get(next.replacingOccurrences(of: "https://news.example.com", with: ""))
            #expect(try APIJSON.items(rest).map { $0["slug"] as? String } == ["markets"])
            #expect(try APIJSON.object(rest)["next"] == nil)

            let categories = try APIJSON.items(try await site.get("/api/v1/categories"))
            #expect(categories.map { $0["name"] as? String } == ["Business", "Local"])
            let sources = try APIJSON.items(try await site.get("/api/v1/sources"))
            #expect(sources.map { $0["name"] as? String } == ["Wire Agency"])
            let authors = try await site.get("/api/v1/authors")
            #expect(try APIJSON.items(authors).map { $0["name"] as? String } == ["Jane Doe", "Sam Lee"])
            #expect(!authors.body.contains("private@example.com") && !authors.body.contains("editor"))
        }
    }

    @Test(
        "an article's approved comments, oldest first, threaded by parent, never an email or address",
        arguments: TestEngine.available)
    func comments(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: CommentFixtures.seed()) { site in
            var ann = Reader(site: site, website: "https://ann.example.org")
            let first = try #require(try await ann.comment(on: CommentFixtures.article, "First!").commentID)
            try await site.services.comments.moderate(.approve, ids: [first])
            var bob = Reader(site: site, name: "Bob", email: "bob.private@example.com")
            let reply = try #require(
                try await bob.comment(on: CommentFixtures.article, "Reply to Ann", parent: first).commentID)
            try await site.services.comments.moderate(.approve, ids: [reply])
            var eve = Reader(site: site, name: "Eve", email: "eve.private@example.com")
            _ = try await eve.comment(on: CommentFixtures.article, "Still waiting for a moderator")
            let article = try #require(
                try await site.services.articles.id(forSlug: Slug(trusted: "council-approves-the-new-library")))

            let answer = try await site.get("/api/v1/articles/\(article)/comments")
            #expect(answer.status == .ok)
            let items = try APIJSON.items(answer)
            #expect(items.map { $0["id"] as? Int } == [Int(first), Int(reply)])
            #expect(items[0]["author_name"] as? String == "Ann Reader")
            #expect(items[0]["author_url"] as? String == "https://ann.example.org")
            #expect(items[0]["depth"] as? Int == 0 || items[0]["depth"] as? Int == 1)
            #expect(items[1]["parent_id"] as? Int == Int(first))
            #expect((items[0]["content_html"] as? String)?.contains("<p>First!</p>") == true)
            for secret in ["@example.com", "127.0.0.1", "Still waiting"] { #expect(!answer.body.contains(secret)) }

            let paged = try await site.get("/api/v1/articles/\(article)/comments?limit=1")
            let next = try #require(try APIJSON.object(paged)["next"] as? String)
            let second = try await site.get(next.replacingOccurrences(of: "https://news.example.com", with: ""))
            #expect(try APIJSON.items(second).map { $0["id"] as? Int } == [Int(reply)])
            #expect(try await site.get("/api/v1/articles/999999/comments").status == .notFound)
            let draft = try #require(try await site.services.articles.id(forSlug: Slug(trusted: "secret-draft")))
            #expect(try await site.get("/api/v1/articles/\(draft)/comments").status == .notFound, "a draft's")
        }
    }

    @Test(
        "answers are cached like pages, with an ETag and 304, and change when the content does",
        arguments: TestEngine.available)
    func caching(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: CommentFixtures.seed()) { site in
            let first = try await site.get("/api/v1/articles")
            let again = try await site.get("/api/v1/articles")
            #expect(again.headers[.gazetteCache] == "hit")
            let eTag = try #require(again.headers[.eTag])
            #expect(again.body == first.body)
            let unchanged = try await site.get("/api/v1/articles", headers: [.ifNoneMatch: eTag])
            #expect(unchanged.status == .notModified && unchanged.body.isEmpty)

            let article = try #require(
                try await site.services.articles.id(forSlug: Slug(trusted: "council-approves-the-new-library")))
            let comments = "/api/v1/articles/\(article)/comments"
            #expect(try APIJSON.items(try await site.get(comments)).isEmpty)
            _ = try await site.get(comments)
            var ann = Reader(site: site)
            let id = try #require(try await ann.comment(on: CommentFixtures.article, "Well said.").commentID)
            try await site.services.comments.moderate(.approve, ids: [id])
            #expect(try APIJSON.items(try await site.get(comments)).count == 1, "the approval reached the cached list")

            let author = try #require(try await site.services.authors.find(email: "jane.private@example.com"))
            try await site.services.publishing.save(
                ArticleDraft(
                    title: "Fresh news", bodyMarkdown: "Just in.", status: .published,
                    publishedAt: TestSite.now.addingTimeInterval(-10), authorID: author.id))
            let changed = try await site.get("/api/v1/articles", headers: [.ifNoneMatch: eTag])
            #expect(changed.status == .ok)
            #expect(try APIJSON.items(changed).first?["title"] as? String == "Fresh news")
            let token = try await site.get("/api/v1/articles", headers: [.authorization: "Bearer abc"])
            #expect(token.headers[.gazetteCache] != "hit", "an answer to a token is never one from the cache")
        }
    }

    @Test("the OpenAPI document and its reference page are served", arguments: TestEngine.available)
    func document(engine: TestEngine) async throws {
        try await TestSite.run(engine) { site in
            let json = try await site.get("/api/v1/openapi.json")
            #expect(json.status == .ok && json.contentType.hasPrefix("application/json"))
            let document = try APIJSON.object(json)
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: Any])
            for path in ["/articles", "/articles/{id}", "/articles/{id}/comments", "/lookup", "/tags", "/authors"] {
                #expect(paths[path] != nil, "\(path)")
            }
            let reference = try await site.get("/api/v1/")
            #expect(reference.status == .ok && reference.contentType.hasPrefix("text/html"))
            #expect(reference.contains("<code>/articles/{id}/comments</code>"))
            #expect(reference.contains(#"<a href="/api/v1/openapi.json">"#))
            #expect(reference.contains(#"id="schema-ArticleCard""#))
        }
    }
}
