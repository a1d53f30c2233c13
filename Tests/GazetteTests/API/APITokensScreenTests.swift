import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import HTTPTypes
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Admin API: the tokens screen")
struct APITokensScreenTests {
    @Test(
        "people make a token for themselves, see it once, use it, and revoke it; admins see everyone's",
        arguments: TestEngine.available)
    func screen(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var author = Staff(site: site)
            _ = try await author.signIn("author@example.com", NewsroomFixtures.password)
            let empty = try await author.open("/admin/profile/api-tokens")
            #expect(empty.status == .ok && empty.contains("No tokens yet."))
            #expect(
                empty.contains(#"value="media:write""#) && !empty.contains(#"value="comments:moderate""#),
                "only the scopes the role can use are offered")

            let refused = try await author.post(
                "/admin/profile/api-tokens", pairs: [("csrf_token", try await author.csrf()), ("name", " ")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.contains("Name the token") && refused.contains("at least one scope"))

            let made = try await author.post(
                "/admin/profile/api-tokens",
                pairs: [
                    ("csrf_token", try await author.csrf()), ("name", "Phone <app>"), ("scopes", "articles:read"),
                    ("scopes", "articles:write"),
                ])
            #expect(made.status == .ok)
            #expect(made.contains("Your new token") && made.contains("Phone &lt;app&gt;"))
            let token = try #require(
                made.body.range(of: #"gzt_[A-Za-z0-9_-]+"#, options: .regularExpression).map { String(made.body[$0]) })
            let api = TokenClient(site: site, token: token)
            #expect(try await api.get("/api/v1/admin/token").status == .ok)
            let again = try await author.open("/admin/profile/api-tokens")
            #expect(!again.contains(token), "shown once only")
            #expect(again.contains("…" + token.suffix(4)) && again.contains("articles:read, articles:write"))

            var admin = Staff(site: site)
            _ = try await admin.signIn("admin@example.com", NewsroomFixtures.password)
            let all = try await admin.open("/admin/profile/api-tokens")
            #expect(all.contains("Author User"), "admins see whose each token is")
            let id = try #require(try await site.services.apiTokens.list().first?.id)
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            let notTheirs = try await editor.post(
                "/admin/profile/api-tokens/\(id)/revoke", ["csrf_token": try await editor.csrf()])
            #expect(notTheirs.status == .forbidden)
            #expect(try await api.get("/api/v1/admin/token").status == .ok)
            let revoked = try await author.post(
                "/admin/profile/api-tokens/\(id)/revoke", ["csrf_token": try await author.csrf()])
            #expect(revoked.status == .seeOther)
            #expect(try await author.open(try #require(revoked.location)).contains("Revoked “Phone &lt;app&gt;”"))
            #expect(try await api.get("/api/v1/admin/token").status == .unauthorized)
            let forged = try await author.post(
                "/admin/profile/api-tokens", ["name": "No CSRF", "scopes": "articles:read"])
            #expect(forged.status == .forbidden)
        }
    }
}
