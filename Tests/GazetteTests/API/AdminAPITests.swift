import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import HTTPTypes
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Admin API: tokens")
struct AdminAPITokenTests {
    @Test("no token, a made-up one or a revoked one is refused with 401 at once", arguments: TestEngine.available)
    func refusals(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let none = try await site.get("/api/v1/admin/token")
            #expect(none.status == .unauthorized && none.contentType == "application/problem+json")
            #expect(none.headers[.wwwAuthenticate] == "Bearer")
            #expect(try APIJSON.object(none)["code"] as? String == "unauthorized")
            let madeUp = TokenClient(site: site, token: "gzt_" + String(repeating: "x", count: 43))
            #expect(try await madeUp.get("/api/v1/admin/token").status == .unauthorized)

            let (client, author) = try await AdminAPIFixtures.client(site, role: .editor)
            let mine = try await client.get("/api/v1/admin/token")
            #expect(mine.status == .ok)
            let info = try APIJSON.object(mine)
            #expect(info["name"] as? String == "Test editor")
            #expect(info["scopes"] as? [String] == ["articles:read", "articles:write"])
            #expect((info["person"] as? [String: Any])?["role"] as? String == "editor")
            #expect(mine.headers[.init("RateLimit-Limit")!] == "600")
            #expect(mine.headers[.init("RateLimit-Remaining")!] == "599")

            let token = try #require(try await site.services.apiTokens.list(for: author).first)
            #expect(token.lastUsedAt != nil, "its use is recorded")
            #expect(try await site.services.apiTokens.revoke(id: token.id, by: author))
            #expect(try await client.get("/api/v1/admin/token").status == .unauthorized)
            #expect(try await client.get("/api/v1/admin/articles").status == .unauthorized)
        }
    }

    @Test("a token over its limit gets 429 with Retry-After", arguments: TestEngine.available)
    func rateLimit(engine: TestEngine) async throws {
        try await TestSite.run(engine, configure: { $0.apiRateLimit = 3 }, seed: SampleContent.seed) { site in
            let (client, _) = try await AdminAPIFixtures.client(site, role: .author)
            for _ in 1...3 { #expect(try await client.get("/api/v1/admin/token").status == .ok) }
            let refused = try await client.get("/api/v1/admin/token")
            #expect(refused.status == .tooManyRequests)
            #expect(Int(refused.headers[.retryAfter] ?? "") ?? 0 >= 1)
            #expect(refused.headers[.init("RateLimit-Remaining")!] == "0")
            #expect(try APIJSON.object(refused)["code"] as? String == "rate_limited")
        }
    }

    @Test("a scope the token lacks, or its person's role no longer carries, is a 403", arguments: TestEngine.available)
    func scopesAndRoles(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: CommentFixtures.seed()) { site in
            let (reader, _) = try await AdminAPIFixtures.client(site, role: .author, scopes: [.articlesRead])
            let refused = try await reader.post("/api/v1/admin/articles", ["title": "Nope", "body_markdown": "x"])
            #expect(refused.status == .forbidden)
            #expect(try APIJSON.object(refused)["code"] as? String == "missing_scope")

            let (moderator, editor) = try await AdminAPIFixtures.client(
                site, role: .editor, scopes: [.commentsModerate])
            #expect(try await moderator.get("/api/v1/admin/comments").status == .ok)
            try await site.services.people.update(
                id: editor.id, name: editor.name, slug: editor.slug.value, bio: "", avatarURL: "", email: editor.email,
                role: .author, active: true)
            let demoted = try await moderator.get("/api/v1/admin/comments")
            #expect(demoted.status == .forbidden)
            #expect(try APIJSON.object(demoted)["code"] as? String == "role_forbids")
            try await site.services.people.update(
                id: editor.id, name: editor.name, slug: editor.slug.value, bio: "", avatarURL: "", email: editor.email,
                role: .editor, active: false)
            #expect(try await moderator.get("/api/v1/admin/comments").status == .unauthorized)

            let contributor = try await AdminAPIFixtures.person(site.services, "Casey Contributor", .contributor)
            await #expect(throws: ValidationErrors.self) {
                try await site.services.apiTokens.issue(
                    name: "Too much", scopes: [.commentsModerate], for: contributor, by: nil)
            }
        }
    }
}
