import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import HTTPTypes
import Hummingbird
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Security headers and limits")
struct SecurityHeadersTests {
    /// The directives of a Content-Security-Policy by name.
    static func directives(_ policy: String?) -> [String: String] {
        var found: [String: String] = [:]
        for part in (policy ?? "").split(separator: ";") {
            let words = part.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
            guard let name = words.first else { continue }
            found[String(name)] = words.count > 1 ? String(words[1]) : ""
        }
        return found
    }

    @Test(
        "every kind of public page has a policy that runs only the site's own scripts", arguments: [TestEngine.sqlite])
    func publicPolicy(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: CommentFixtures.seed()) { site in
            for path in [
                "/", "/2026/11/28/markets-rally-on-rate-news/", "/tag/markets/", "/search?q=markets", "/feed/",
                "/sitemap.xml", "/robots.txt", "/no-such-page/", "/healthz",
            ] {
                let page = try await site.get(path)
                let policy = Self.directives(page.headers[.contentSecurityPolicy])
                #expect(policy["script-src"] == "'self'", "\(path)")
                #expect(policy["object-src"] == "'none'" && policy["base-uri"] == "'none'", "\(path)")
                #expect(policy["frame-ancestors"] == "'self'", "\(path)")
                #expect(policy["frame-src"]?.contains("https://www.youtube-nocookie.com") == true, "\(path)")
                #expect(!(page.headers[.contentSecurityPolicy] ?? "").contains("unsafe"), "\(path)")
                #expect(page.headers[HTTPField.Name("Permissions-Policy")!]?.contains("camera=()") == true, "\(path)")
                #expect(page.headers[.strictTransportSecurity] == "max-age=31536000", "an https site: \(path)")
            }
        }
    }

    @Test("the newsroom cannot be framed at all and posts forms only to itself", arguments: [TestEngine.sqlite])
    func newsroomPolicy(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            let pages = [try await site.get("/admin/login"), try await editor.open("/admin/articles/new")]
            for page in pages {
                let policy = Self.directives(page.headers[.contentSecurityPolicy])
                #expect(policy["default-src"] == "'none'" && policy["script-src"] == "'self'")
                #expect(policy["frame-ancestors"] == "'none'" && policy["form-action"] == "'self'")
                #expect(page.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            }
        }
    }

    @Test("no HSTS for a site on plain http", arguments: [TestEngine.sqlite])
    func noHSTSOnHTTP(engine: TestEngine) async throws {
        try await TestSite.run(engine, configure: { $0.baseURL = "http://127.0.0.1:8080" }) { site in
            let page = try await site.get("/")
            #expect(page.headers[.strictTransportSecurity] == nil)
        }
    }

    @Test("the cache's internal header never leaves the server, with the page cache on or off", arguments: [0, 16])
    func internalHeaders(cacheMB: Int) async throws {
        try await TestSite.run(.sqlite, configure: { $0.pageCacheMB = cacheMB }, seed: CommentFixtures.seed()) {
            site in
            for path in ["/2026/11/28/markets-rally-on-rate-news/", "/comments/feed/", "/"] {
                let page = try await site.get(path)
                #expect(page.status == .ok)
                #expect(page.headers[HTTPField.Name("X-Gazette-Cache-Tags")!] == nil, "\(path)")
            }
        }
    }

    @Test("a body over the limit gets 413 and a plain sentence, from anyone", arguments: [TestEngine.sqlite])
    func tooLarge(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            let big = ByteBuffer(repeating: UInt8(ascii: "a"), count: 3 * 1_048_576)
            let anonymous = try await site.post(
                "/admin/login", body: big, contentType: "application/x-www-form-urlencoded")
            #expect(anonymous.status == .contentTooLarge)
            #expect(anonymous.contains("larger than this address accepts"))
            let comment = try await site.post(
                "/comments", body: big, contentType: "application/x-www-form-urlencoded")
            #expect(comment.status == .contentTooLarge)
        }
    }
}
