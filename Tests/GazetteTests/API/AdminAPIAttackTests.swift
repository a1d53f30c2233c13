import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import HTTPTypes
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Admin API: hostile input")
struct AdminAPIAttackTests {
    @Test(
        "an author's token cannot make HTML live: scripts and handlers are cleaned, script addresses refused, even after an editor publishes it",
        arguments: TestEngine.available)
    func html(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let (author, _) = try await AdminAPIFixtures.client(site, role: .author)
            let refused = try await author.post(
                "/api/v1/admin/articles",
                [
                    "title": "Addresses", "body_markdown": "x", "image": ["url": "javascript:alert(1)", "alt": "x"],
                    "canonical_url": "javascript:alert(2)",
                ])
            #expect(refused.status == .unprocessableContent)
            let fields = (try APIJSON.object(refused)["errors"] as? [[String: Any]] ?? []).compactMap {
                $0["field"] as? String
            }
            #expect(fields.contains("image") && fields.contains("canonical_url"), "\(fields)")

            let hostile =
                "Hello <script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">x</a>"
            let created = try await author.post(
                "/api/v1/admin/articles",
                ["title": "<script>alert(4)</script>Headline", "body_markdown": hostile, "status": "pending"])
            #expect(created.status == .created)
            let id = try #require(try APIJSON.object(created)["id"] as? Int)
            let (editor, _) = try await AdminAPIFixtures.client(site, role: .editor)
            let published = try await editor.post("/api/v1/admin/articles/\(id)/publish", ["revision": 1])
            #expect(published.status == .ok)
            let path = try #require(try APIJSON.object(published)["path"] as? String)
            // The Admin API gives the author's Markdown back as written (JSON data, never a page); what readers
            // get is clean.
            #expect(try APIJSON.object(published)["body_html"] as? String == "<p>Hello <a>x</a></p>")
            // Titles and teasers are plain text in the API (a client escapes them, as the site does); the
            // HTML it hands over and the page itself carry nothing live.
            let article = try APIJSON.object(try await site.get("/api/v1/articles/\(id)"))
            let page = try await site.get(path)
            for live in ["<script>alert", "onerror=", "javascript:alert(3)"] {
                #expect(!(article["body_html"] as? String ?? live).contains(live))
                #expect(!(article["excerpt"] as? String ?? live).contains(live))
                #expect(!page.body.contains(live), "\(live) on the page")
            }
            #expect(try await site.get(path).contains("&lt;script&gt;alert(4)&lt;/script&gt;Headline"))
        }
    }

    @Test("oversized and malformed bodies are refused with a problem, never a 5xx", arguments: TestEngine.available)
    func bodies(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let (client, _) = try await AdminAPIFixtures.client(
                site, role: .editor, scopes: [.articlesWrite, .mediaWrite])
            let huge = try await client.call(
                .post, "/api/v1/admin/articles",
                bytes: Array(("{\"title\":\"" + String(repeating: "a", count: 5 * 1_048_576) + "\"}").utf8),
                headers: [.contentType: "application/json"])
            #expect(huge.status == .contentTooLarge, "\(huge.status) \(huge.body.prefix(300))")
            #expect(huge.contentType == "application/problem+json")
            let deep = String(repeating: "[", count: 100_000)
            let nested = try await client.call(
                .post, "/api/v1/admin/articles", bytes: Array(deep.utf8), headers: [.contentType: "application/json"])
            #expect(nested.status.code >= 400 && nested.status.code < 500, "\(nested.status)")
            let wrongType = try await client.call(
                .post, "/api/v1/admin/articles", bytes: Array("title=x".utf8),
                headers: [.contentType: "application/x-www-form-urlencoded"])
            #expect(wrongType.status == .unsupportedMediaType)
            let image = try await client.call(
                .post, "/api/v1/admin/media?filename=big.png", bytes: [UInt8](repeating: 0x89, count: 11 * 1_048_576))
            #expect(image.status == .contentTooLarge)
            #expect(try await site.get("/healthz").status == .ok)
        }
    }
}
