import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import HTTPTypes
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("WordPress reading API: posts and pages")
struct WordPressAPITests {
    @Test(
        "posts carry WordPress's fields; drafts, scheduled, trashed articles and pages are never listed",
        arguments: TestEngine.available)
    func postShape(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: WordPressFixtures.seed()) { site in
            let posts = try await site.wp("/posts")
            #expect(posts.status == .ok && posts.page.contentType == "application/json; charset=UTF-8")
            #expect(
                posts.list.compactMap { $0.rendered("title") } == [
                    "Council approves the new library", "Markets rally on rate news", "October feature",
                ])
            let post = try #require(posts.list.first)
            let id = try #require(post.int("id"))
            let jane = try #require(try await site.services.authors.find(slug: Slug(trusted: "jane-doe")))
            let local = try #require(try await site.services.terms.category(slug: Slug(trusted: "local")))
            let council = try #require(try await site.services.terms.tag(slug: Slug(trusted: "council")))
            let libraries = try #require(try await site.services.terms.tag(slug: Slug(trusted: "libraries")))
            // 2026-11-28 21:06:40 UTC, an hour before the test's now; the test site's zone is UTC.
            #expect(post.string("date") == "2026-11-28T20:06:40" && post.string("date_gmt") == "2026-11-28T20:06:40")
            #expect(post.string("modified")?.count == 19 && post.string("modified_gmt")?.count == 19)
            #expect(post.rendered("guid") == "https://news.example.com/?p=\(id)")
            #expect(post.string("slug") == "council-approves-the-new-library")
            #expect(post.string("status") == "publish" && post.string("type") == "post")
            #expect(post.string("link") == "https://news.example.com" + CommentFixtures.article)
            #expect(post.rendered("content")?.contains("<strong>Tuesday</strong>") == true)
            #expect(post.object("content")["protected"] as? Bool == false)
            #expect(post.rendered("excerpt") == "<p>The council voted on Tuesday.</p>\n")
            #expect(post.int("author") == jane.id && post.int("featured_media") == id)
            #expect(post.string("comment_status") == "open" && post.string("ping_status") == "closed")
            #expect(post["sticky"] as? Bool == false && post.string("format") == "standard")
            #expect(post.ids("categories") == [local.id] && post.ids("tags") == [council.id, libraries.id])
            let links = post.object("_links")
            #expect(
                (links["self"] as? [[String: Any]])?.first?["href"] as? String
                    == "https://news.example.com/wp-json/wp/v2/posts/\(id)")
            // October feature has no category and no picture.
            #expect(posts.list.last?.ids("categories") == [] && posts.list.last?.int("featured_media") == 0)

            let one = try await site.wp("/posts/\(id)")
            #expect(one.status == .ok && one.object.rendered("title") == "Council approves the new library")
            let pages = try await site.wp("/pages")
            #expect(pages.list.compactMap { $0.rendered("title") } == ["About the Times"])
            #expect(pages.list.first?.string("type") == "page" && pages.list.first?["categories"] == nil)
            let pageID = try #require(pages.list.first?.int("id"))
            #expect(try await site.wp("/posts/\(pageID)").code == "rest_post_invalid_id")
            #expect(try await site.wp("/pages/\(pageID)").status == .ok)
            #expect(try await site.wp("/pages/\(id)").status == .notFound)

            let hidden = try await site.services.articles.newsroomPage(
                status: nil, authorID: nil, search: "", page: PageRequest(number: 1, size: 50)!
            ).items.filter { $0.status != .published }
            #expect(hidden.count == 3)
            for article in hidden {
                let answer = try await site.wp("/posts/\(article.id)")
                #expect(answer.status == .notFound && answer.code == "rest_post_invalid_id", "\(article.title)")
                #expect(!posts.page.contains(article.title))
            }
        }
    }

    @Test("pagination: X-WP-Total, X-WP-TotalPages, Link, and WordPress's errors", arguments: TestEngine.available)
    func pagination(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: WordPressFixtures.seed()) { site in
            let base = "https://news.example.com/wp-json/wp/v2/posts"
            let first = try await site.wp("/posts?per_page=1&_embed")
            #expect(first.header("X-WP-Total") == "3" && first.header("X-WP-TotalPages") == "3")
            #expect(first.header("Link") == "<\(base)?per_page=1&_embed&page=2>; rel=\"next\"")
            let second = try await site.wp("/posts?per_page=1&_embed&page=2")
            #expect(
                second.header("Link")
                    == "<\(base)?per_page=1&_embed>; rel=\"prev\", <\(base)?per_page=1&_embed&page=3>; rel=\"next\"")
            let last = try await site.wp("/posts?page=3&per_page=1")
            #expect(last.header("Link") == "<\(base)?per_page=1&page=2>; rel=\"prev\"")
            #expect(last.list.first?.rendered("title") == "October feature")

            let past = try await site.wp("/posts?page=4&per_page=1")
            #expect(past.status == .badRequest && past.code == "rest_post_invalid_page_number")
            #expect(past.object.object("data").int("status") == 400)
            for query in [
                "per_page=0", "per_page=101", "per_page=ten", "page=0", "page=-1", "categories=abc",
                "order=sideways", "orderby=mood", "tags=1,x", "page=99999999999999999999", "status=draft",
            ] {
                let bad = try await site.wp("/posts?" + query)
                #expect(bad.status == .badRequest && bad.code == "rest_invalid_param", "\(query)")
                #expect((bad.object.string("message") ?? "").contains("Invalid parameter"), "\(query)")
            }
            let perPage = try await site.wp("/posts?per_page=500")
            #expect(
                perPage.object.object("data").object("params").string("per_page")
                    == "per_page must be between 1 (inclusive) and 100 (inclusive).")
            let empty = try await site.wp("/posts?search=nothing-like-this")
            #expect(empty.status == .ok && empty.list.isEmpty && empty.header("X-WP-TotalPages") == "0")
        }
    }

    @Test("_embed brings the author, the terms and the picture in their public shapes", arguments: TestEngine.available)
    func embedding(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: WordPressFixtures.seed()) { site in
            let posts = try await site.wp("/posts?_embed")
            let post = try #require(posts.list.first)
            let embedded = post.object("_embedded")
            let author = try #require((embedded["author"] as? [[String: Any]])?.first)
            let user = try await site.wp("/users/\(try #require(post.int("author")))")
            #expect(author.string("name") == "Jane Doe" && author.string("slug") == "jane-doe")
            #expect(author.string("link") == user.object.string("link") && author.string("link") != nil)
            #expect(author.string("description") == "Jane covers the city.")
            let terms = try #require(embedded["wp:term"] as? [[[String: Any]]])
            #expect(terms.count == 2)
            #expect(terms[0].compactMap { $0.string("name") } == ["Local"])
            #expect(terms[1].compactMap { $0.string("taxonomy") } == ["post_tag", "post_tag"])
            let category = try await site.wp("/categories/\(try #require(terms[0].first?.int("id")))")
            #expect(category.object.string("link") == terms[0].first?.string("link"))
            let media = try #require((embedded["wp:featuredmedia"] as? [[String: Any]])?.first)
            #expect(media.string("source_url") == "https://img.example/library.jpg")
            #expect(media.string("alt_text") == "The old library" && media.string("media_type") == "image")
            let alone = try await site.wp("/media/\(try #require(post.int("id")))")
            #expect(alone.object.string("source_url") == media.string("source_url"))
            #expect(posts.list.last?.object("_embedded")["wp:featuredmedia"] == nil)
            #expect(try await site.wp("/posts").list.first?["_embedded"] == nil)
            let onlyAuthor = try await site.wp("/posts?_embed=author")
            #expect(onlyAuthor.list.first?.object("_embedded")["wp:term"] == nil)
        }
    }

    @Test(
        "filters: categories, tags, author, slug, include, exclude, search, order, _fields",
        arguments: TestEngine.available)
    func filters(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: WordPressFixtures.seed()) { site in
            func titles(_ query: String) async throws -> [String] {
                try await site.wp("/posts?" + query).list.compactMap { $0.rendered("title") }
            }
            let local = try #require(try await site.services.terms.category(slug: Slug(trusted: "local")))
            let business = try #require(try await site.services.terms.category(slug: Slug(trusted: "business")))
            let council = try #require(try await site.services.terms.tag(slug: Slug(trusted: "council")))
            let sam = try #require(try await site.services.authors.find(slug: Slug(trusted: "sam-lee")))
            #expect(try await titles("categories=\(local.id)") == ["Council approves the new library"])
            #expect(try await titles("categories=\(local.id),\(business.id)").count == 2)
            #expect(try await titles("categories[]=\(local.id)&categories[]=\(business.id)").count == 2)
            #expect(try await titles("tags=\(council.id)") == ["Council approves the new library", "October feature"])
            #expect(try await titles("author=\(sam.id)") == ["Markets rally on rate news"])
            #expect(try await titles("slug=october-feature") == ["October feature"])
            #expect(try await titles("search=SHARPLY") == ["Markets rally on rate news"])
            #expect(try await titles("search=100%25") == [])
            #expect(
                try await titles("orderby=title&order=asc") == [
                    "Council approves the new library", "Markets rally on rate news", "October feature",
                ])
            #expect(try await titles("order=asc").first == "October feature")
            let ids = try await site.wp("/posts").list.compactMap { $0.int("id") }
            #expect(try await titles("include=\(ids[1])") == ["Markets rally on rate news"])
            #expect(try await titles("exclude=\(ids[0]),\(ids[1])") == ["October feature"])
            let trimmed = try await site.wp("/posts?_fields=id,title.rendered")
            #expect(trimmed.list.first.map { Set($0.keys) } == ["id", "title"])
        }
    }

    @Test(
        "unknown ids, routes and methods answer WordPress's JSON errors, never the site's pages",
        arguments: TestEngine.available)
    func errors(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: WordPressFixtures.seed()) { site in
            let expected = [
                "/posts/999999": "rest_post_invalid_id", "/pages/999999": "rest_post_invalid_id",
                "/categories/999999": "rest_term_invalid", "/tags/999999": "rest_term_invalid",
                "/users/999999": "rest_user_invalid_id", "/comments/999999": "rest_comment_invalid_id",
                "/media/999999": "rest_post_invalid_id", "/posts/abc": "rest_no_route", "/nothing": "rest_no_route",
                "/posts/99999999999999999999999": "rest_no_route", "/wp-json/other/v1/things": "rest_no_route",
            ]
            for (path, code) in expected {
                let answer = try await site.wp(path)
                #expect(answer.status == .notFound && answer.code == code, "\(path)")
                #expect(answer.object.object("data").int("status") == 404, "\(path)")
                #expect(answer.page.contentType.hasPrefix("application/json"), "\(path)")
            }
            let post = try await site.post(WordPressFixtures.api + "/posts", form: ["title": "Hello"])
            #expect(post.status == .notFound && post.body.contains("rest_no_route"))
            let edit = try await site.wp("/posts?context=edit")
            #expect(edit.status == .unauthorized && edit.code == "rest_forbidden_context")
            let index = try await site.wp("/wp-json/")
            #expect(index.object.string("name") == "The Test Times")
            #expect(index.object["namespaces"] as? [String] == ["wp/v2"])
            #expect(try await site.wp("/wp-json").object.string("name") == "The Test Times")
        }
    }
}
