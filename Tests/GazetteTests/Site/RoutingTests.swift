import Foundation
import Gazette
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Addresses, redirects and bad input")
struct RoutingTests {
    @Test("non-canonical addresses answer 301 to the canonical one", arguments: TestEngine.available)
    func redirects(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let canonical = "/2026/11/28/council-approves-the-new-library/"
            let cases = [
                ("/2026/11/28/council-approves-the-new-library", canonical),
                ("/2025/01/02/council-approves-the-new-library/", canonical),
                ("/page/1/", "/"),
                ("/tag/council", "/tag/council/"),
                ("/2026/11", "/2026/11/"),
            ]
            for (path, target) in cases {
                let page = try await site.get(path)
                #expect(page.status == .movedPermanently, "\(path)")
                #expect(page.location == target, "\(path)")
            }
        }
    }

    @Test(
        "drafts, unknown slugs, impossible dates and bad page numbers are themed 404s", arguments: TestEngine.available)
    func notFound(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let paths = [
                "/2026/11/28/secret-draft/", "/2026/11/28/no-such-story/",
                "/2026/02/30/council-approves-the-new-library/",
                "/2026/13/01/x/", "/0000/01/01/x/", "/page/0/", "/page/-1/", "/page/1000000000000/", "/page/two/",
                "/page/99999/", "/tag/Bad%20Slug/", "/2026/11/28/x/y/", "/nothing-here", "/%FF%FE/",
                "/tag/x/page/0/", "/2026/11/28/council-approves-the-new-library/page/2/",
            ]
            for path in paths {
                let page = try await site.get(path)
                #expect(page.status == .notFound, "\(path) answered \(page.status)")
                #expect(page.contains("Page not found"), "\(path)")
                #expect(page.contentType.hasPrefix("text/html"), "\(path)")
            }
        }
    }

    @Test("asset names never reach the file system: traversal attempts are 404s", arguments: [TestEngine.sqlite])
    func assetTraversal(engine: TestEngine) async throws {
        try await TestSite.run(engine) { site in
            for path in [
                "/assets/../Package.swift", "/assets/..%2F..%2FPackage.swift", "/assets/%2e%2e/%2e%2e/etc/passwd",
                "/assets/gazette.css%00.png", "/assets/", "/assets/nothing.css",
            ] {
                let page = try await site.get(path)
                #expect(page.status == .notFound, "\(path) answered \(page.status)")
                #expect(!page.contains("swift-tools-version") && !page.contains("root:"), "\(path)")
            }
        }
    }

    @Test("other methods on pages are refused without a crash", arguments: [TestEngine.sqlite])
    func otherMethods(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let response = try await site.client.executeRequest(uri: "/", method: .delete, headers: [:], body: nil)
            #expect(response.status.code >= 400 && response.status.code < 500)
            let head = try await site.head("/2026/11/28/council-approves-the-new-library/")
            #expect(head.status == .ok)
        }
    }
}
