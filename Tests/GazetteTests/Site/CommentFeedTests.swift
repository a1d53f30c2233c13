import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Comment feeds")
struct CommentFeedTests {
    @Test(
        "approved comments only, site-wide and per article, without emails or addresses",
        arguments: TestEngine.available)
    func feeds(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: CommentFixtures.seed(["comments.policy": "hold-all"])) { site in
            var ann = Reader(site: site)
            let approved = try #require(
                try await ann.comment(on: CommentFixtures.article, "Lovely <b>news</b>.").commentID)
            var bob = Reader(site: site, name: "Bob Held", email: "bob.secret@example.com")
            _ = try await bob.comment(on: CommentFixtures.article, "Still waiting.")
            try await site.services.comments.moderate(.approve, ids: [approved])

            let all = try await site.get("/comments/feed/")
            #expect(all.status == .ok && all.headers[.contentType] == "application/rss+xml; charset=utf-8")
            let xml = try #require(XMLOutline.parse(all.body))
            #expect(xml.all("rss/channel/item/dc:creator") == ["Ann Reader"])
            #expect(xml.all("rss/channel/item/link").first?.hasSuffix("#comment-\(approved)") == true)
            #expect(
                xml.all("rss/channel/item/content:encoded").first?.contains("Lovely &lt;b&gt;news&lt;/b&gt;.") == true)
            #expect(!all.contains("ann@example.com") && !all.contains("bob.secret") && !all.contains("Still waiting"))
            #expect(!all.contains("127.0.0.1"))

            let one = try await site.get(CommentFixtures.article + "feed/")
            #expect(try #require(XMLOutline.parse(one.body)).all("rss/channel/item/dc:creator") == ["Ann Reader"])
            let other = try await site.get(CommentFixtures.otherArticle + "feed/")
            #expect(other.status == .ok && !other.contains("Ann Reader"))
            #expect(try await site.get("/2026/11/28/no-such-article/feed/").status == .notFound)
            #expect(try await site.get("/comments/feed").location == "/comments/feed/")
            let page = try await site.get(CommentFixtures.article)
            #expect(page.contains(#"href="https://news.example.com\#(CommentFixtures.article)feed/""#))
        }
    }
}
