import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import HTTPTypes
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("WordPress reading API: terms, people, comments and caching")
struct WordPressAPIPeopleTests {
    @Test("categories and tags with counts of published posts, by name", arguments: TestEngine.available)
    func terms(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: WordPressFixtures.seed()) { site in
            let categories = try await site.wp("/categories")
            #expect(categories.list.compactMap { $0.string("name") } == ["Business", "Local"])
            // The scheduled story in Local is not counted until it comes out.
            #expect(categories.list.compactMap { $0.int("count") } == [1, 1])
            let local = try #require(categories.list.last)
            #expect(local.string("taxonomy") == "category" && local.int("parent") == 0)
            #expect(local.string("link") == "https://news.example.com/category/local/")
            let tags = try await site.wp("/tags?orderby=count&order=desc")
            #expect(tags.list.first?.string("slug") == "council" && tags.list.first?.int("count") == 2)
            #expect(tags.list.first?.string("taxonomy") == "post_tag" && tags.list.first?["parent"] == nil)
            #expect(tags.header("X-WP-Total") == "3")
            let posts = try await site.wp("/posts")
            let markets = try #require(posts.list.first { $0.string("slug") == "markets-rally-on-rate-news" })
            let ofMarkets = try await site.wp("/tags?post=\(try #require(markets.int("id")))")
            #expect(ofMarkets.list.compactMap { $0.string("name") } == ["Markets"])
            #expect(try await site.wp("/tags?slug=libraries").list.count == 1)
            #expect(try await site.wp("/categories?search=bus").list.count == 1)
            #expect(try await site.wp("/categories/\(try #require(local.int("id")))").object.string("name") == "Local")
        }
    }

    @Test("users: only people who have published, in public fields; no email anywhere", arguments: TestEngine.available)
    func users(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: WordPressFixtures.seed()) { site in
            let users = try await site.wp("/users")
            #expect(users.list.compactMap { $0.string("name") } == ["Jane Doe", "Sam Lee"])
            let jane = try #require(users.list.first)
            #expect(
                Set(jane.keys) == ["id", "name", "url", "description", "link", "slug", "avatar_urls", "meta", "_links"])
            #expect(jane.string("link") == "https://news.example.com/author/jane-doe/")
            let quiet = try #require(try await site.services.authors.find(slug: Slug(trusted: "quiet-contributor")))
            #expect(try await site.wp("/users/\(quiet.id)").code == "rest_user_invalid_id")
            #expect(try await site.wp("/users?search=private").list.isEmpty, "emails are not searched")
            for path in ["/users", "/users/\(try #require(jane.int("id")))", "/posts?_embed", "/users?slug=sam-lee"] {
                let body = try await site.wp(path).page.body
                #expect(!body.contains("@example.com") && !body.contains("private"), "\(path)")
                #expect(!body.contains("\"role") && !body.contains("email"), "\(path)")
            }
        }
    }

    @Test(
        "comments: approved ones only, without email or address; pending and spam never",
        arguments: TestEngine.available)
    func comments(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: WordPressFixtures.seed(["comments.policy": "hold-all"])) { site in
            var ann = Reader(site: site, website: "https://ann.example")
            let approved = try #require(try await ann.comment(on: CommentFixtures.article, "Lovely news.").commentID)
            try await site.services.comments.moderate(.approve, ids: [approved])
            let reply = try #require(
                try await ann.comment(on: CommentFixtures.article, "And a reply.", parent: approved).commentID)
            try await site.services.comments.moderate(.approve, ids: [reply])
            var bob = Reader(site: site, name: "Bob Held", email: "bob.secret@example.com")
            let pending = try #require(try await bob.comment(on: CommentFixtures.article, "Still waiting.").commentID)
            let spam = try #require(try await bob.comment(on: CommentFixtures.otherArticle, "Buy now.").commentID)
            try await site.services.comments.moderate(.spam, ids: [spam])

            let all = try await site.wp("/comments")
            #expect(all.list.compactMap { $0.int("id") } == [reply, approved])
            let first = try #require(all.list.last)
            #expect(first.string("author_name") == "Ann Reader" && first.string("author_url") == "https://ann.example")
            #expect(first.string("status") == "approved" && first.string("type") == "comment")
            #expect(first.rendered("content") == "<p>Lovely news.</p>")
            #expect(first.string("link") == "https://news.example.com\(CommentFixtures.article)#comment-\(approved)")
            #expect(first.string("date")?.count == 19 && first.string("date_gmt") != nil)
            #expect(all.list.first?.int("parent") == approved && first.int("parent") == 0)
            let postID = try #require(first.int("post"))
            #expect(try await site.wp("/comments?post=\(postID)").list.count == 2)
            #expect(try await site.wp("/comments?post=\(postID)&parent=0").list.count == 1)
            let other = try #require(
                try await site.wp("/posts?slug=markets-rally-on-rate-news").list.first?.int("id"))
            #expect(try await site.wp("/comments?post=\(other)").list.isEmpty)
            for id in [pending, spam] {
                #expect(try await site.wp("/comments/\(id)").code == "rest_comment_invalid_id")
            }
            for path in ["/comments", "/comments?post=\(postID)", "/comments/\(approved)"] {
                let body = try await site.wp(path).page.body
                #expect(!body.contains("@example.com") && !body.contains("127.0.0.1") && !body.contains("secret"))
                #expect(!body.contains("Still waiting") && !body.contains("Buy now"), "\(path)")
            }
        }
    }

    @Test(
        "answers are cached like pages: a hit, a 304, and a newly approved comment at once",
        arguments: TestEngine.available)
    func caching(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: WordPressFixtures.seed(["comments.policy": "hold-all"])) { site in
            let postID = try #require(try await site.wp("/posts?per_page=1").list.first?.int("id"))
            for path in ["/posts?per_page=2&_embed", "/categories", "/users", "/comments?post=\(postID)", "/wp-json/"] {
                let first = try await site.wp(path)
                #expect(first.status == .ok && first.header("X-Gazette-Cache") == "miss", "\(path)")
                let second = try await site.wp(path)
                #expect(second.header("X-Gazette-Cache") == "hit" && second.page.body == first.page.body, "\(path)")
                #expect(second.header("X-WP-Total") == first.header("X-WP-Total"), "\(path)")
                #expect(second.header("X-Gazette-Cache-Tags") == nil)
                let eTag = try #require(second.headers[.eTag])
                var conditional = HTTPFields()
                conditional[.ifNoneMatch] = eTag
                let full = path.hasPrefix("/wp-json") ? path : WordPressFixtures.api + path
                #expect(try await site.get(full, headers: conditional).status == .notModified, "\(path)")
            }
            // A made-up parameter is answered, but not from (or into) the cache.
            #expect(try await site.wp("/posts?made_up=1").header("X-Gazette-Cache") == nil)

            var ann = Reader(site: site)
            let id = try #require(try await ann.comment(on: CommentFixtures.article, "Fresh comment.").commentID)
            #expect(try await site.wp("/comments?post=\(postID)").list.isEmpty, "held comments are not listed")
            try await site.services.comments.moderate(.approve, ids: [id])
            let after = try await site.wp("/comments?post=\(postID)")
            #expect(after.list.compactMap { $0.int("id") } == [id] && after.header("X-Gazette-Cache") == "miss")
            #expect(try await site.wp("/comments").list.count == 1)
        }
    }
}
