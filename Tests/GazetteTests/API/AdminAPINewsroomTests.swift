import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import HTTPTypes
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Admin API: comments, people and media")
struct AdminAPINewsroomTests {
    @Test("moderators list comments with emails and approve them onto the site", arguments: TestEngine.available)
    func comments(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: CommentFixtures.seed()) { site in
            var ann = Reader(site: site)
            let id = try #require(try await ann.comment(on: CommentFixtures.article, "Is the vote tonight?").commentID)
            let (client, _) = try await AdminAPIFixtures.client(site, role: .editor, scopes: [.commentsModerate])
            let pending = try APIJSON.items(try await client.get("/api/v1/admin/comments?status=pending"))
            #expect(pending.map { $0["id"] as? Int } == [Int(id)])
            #expect(pending.first?["author_email"] as? String == "ann@example.com")
            let approved = try await client.post("/api/v1/admin/comments/\(id)/moderate", ["action": "approve"])
            #expect(approved.status == .ok)
            #expect(try APIJSON.object(approved)["status"] as? String == "approved")
            let article = try #require(
                try await site.services.articles.id(forSlug: Slug(trusted: "council-approves-the-new-library")))
            let visible = try await site.get("/api/v1/articles/\(article)/comments")
            #expect(try APIJSON.items(visible).count == 1)
            #expect(!visible.body.contains("ann@example.com"))
            #expect(
                try await client.post("/api/v1/admin/comments/999999/moderate", ["action": "spam"]).status == .notFound)
            let wrong = try await client.post("/api/v1/admin/comments/\(id)/moderate", ["action": "delete"])
            #expect(wrong.status == .badRequest)
        }
    }

    @Test("people are listed; emails only for someone who manages users", arguments: TestEngine.available)
    func people(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let (admin, _) = try await AdminAPIFixtures.client(site, role: .admin, scopes: [.peopleRead])
            let (author, _) = try await AdminAPIFixtures.client(site, role: .author, scopes: [.peopleRead])
            let full = try await admin.get("/api/v1/admin/people")
            #expect(try APIJSON.items(full).contains { $0["email"] as? String == "jane.private@example.com" })
            let plain = try await author.get("/api/v1/admin/people")
            #expect(try APIJSON.items(plain).contains { $0["name"] as? String == "Jane Doe" })
            #expect(!plain.body.contains("@example.com"))
        }
    }

    @Test(
        "an image uploaded with a token lands in the media library; a file that is not one is refused",
        arguments: TestEngine.available)
    func media(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let (client, _) = try await AdminAPIFixtures.client(site, role: .author, scopes: [.mediaWrite])
            let uploaded = try await client.call(
                .post, "/api/v1/admin/media?filename=red.png&alt=A%20red%20square", bytes: MediaTests.png)
            #expect(uploaded.status == .created, "\(uploaded.body)")
            let image = try APIJSON.object(uploaded)
            let url = try #require(image["url"] as? String)
            #expect(url.hasPrefix("https://news.example.com/media/") && image["alt"] as? String == "A red square")
            let file = try await site.download(String(url.dropFirst("https://news.example.com".count)))
            #expect(file.status == .ok && file.bytes == MediaTests.png)
            let refused = try await client.call(
                .post, "/api/v1/admin/media?filename=notes.png", bytes: Array("just text".utf8))
            #expect(refused.status == .unprocessableContent)
            let (contributor, _) = try await AdminAPIFixtures.client(site, role: .contributor, scopes: [.articlesRead])
            #expect(
                try await contributor.call(.post, "/api/v1/admin/media?filename=red.png", bytes: MediaTests.png).status
                    == .forbidden)
        }
    }
}
