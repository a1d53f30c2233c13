import Foundation
import GazetteStorage
import GazetteTestSupport
import HTTPTypes
import Testing

@testable import Gazette
@testable import GazetteServices
@testable import GazetteWeb

@Suite("Metrics")
struct MetricsTests {
    static let article = "/2026/11/28/markets-rally-on-rate-news/"

    /// The value of the line for `series` (name and labels exactly as printed), or nil when it is missing.
    static func value(_ series: String, in text: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1))
        }
        return nil
    }

    @Test(
        "/metrics reports requests by route and status, cache hits, database calls, the comment queue and memory, in Prometheus' format",
        arguments: TestEngine.available)
    func report(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: CommentFixtures.seed()) { site in
            #expect(try await site.get(Self.article).status == .ok)
            #expect(try await site.get(Self.article).status == .ok)
            #expect(try await site.get("/no-such-page/").status == .notFound)
            let page = try await site.get("/metrics")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            #expect(page.headers[.cacheControl] == "no-store")
            let text = page.body
            #expect(Self.value(#"gazette_http_requests_total{route="article",status="200"}"#, in: text) == 2)
            #expect(Self.value(#"gazette_http_requests_total{route="other",status="404"}"#, in: text) == 1)
            #expect(Self.value(#"gazette_http_request_seconds_count{route="article"}"#, in: text) == 2)
            #expect(Self.value("gazette_page_cache_hits_total", in: text) == 1)
            // The article's first request and the 404; scrapes themselves never touch the cache.
            #expect(Self.value("gazette_page_cache_misses_total", in: text) == 2)
            #expect((Self.value(#"gazette_database_call_seconds_count{kind="read"}"#, in: text) ?? 0) > 0)
            #expect(Self.value(#"gazette_database_wait_seconds_count{kind="read"}"#, in: text) != nil)
            #expect(Self.value(#"gazette_comments{status="pending"}"#, in: text) != nil)
            #expect((Self.value("gazette_process_resident_memory_bytes", in: text) ?? 0) > 1_000_000)
            // Every line is a comment or `name{labels} number`, as Prometheus' text format wants.
            let sample =
                /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="[^"\\]*"(,[a-zA-Z_][a-zA-Z0-9_]*="[^"\\]*")*\})? [-+0-9.eE]+(Inf)?$/
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                #expect(line.wholeMatch(of: sample) != nil, "not a sample line: \(line)")
            }
            // A reader's search words never become a label.
            _ = try await site.get("/search?q=secretword")
            #expect(!(try await site.get("/metrics").body.contains("secretword")))
        }
    }

    @Test("/metrics is refused through a proxy and from elsewhere, unless the token is given")
    func access() async throws {
        let token = "metrics-token-0123456789"
        try await TestSite.run(.sqlite, configure: { $0.metricsToken = token }) { site in
            let forwarded: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "203.0.113.9"]
            let proxied = try await site.get("/metrics", headers: forwarded)
            #expect(proxied.status == .forbidden && proxied.contains("--metrics-token"))
            var wrong = forwarded
            wrong[.authorization] = "Bearer not-the-token-at-all"
            #expect(try await site.get("/metrics", headers: wrong).status == .forbidden)
            var right = forwarded
            right[.authorization] = "Bearer \(token)"
            let allowed = try await site.get("/metrics", headers: right)
            #expect(allowed.status == .ok && allowed.contains("gazette_http_requests_total"))
            #expect(!allowed.contains(token))
        }
    }

    @Test("failed database calls are counted by kind")
    func databaseErrors() async {
        let metrics = ServerMetrics()
        metrics.observe(DatabaseCall(kind: .write, waited: .milliseconds(2), total: .milliseconds(9), failed: true))
        metrics.observe(DatabaseCall(kind: .read, waited: .zero, total: .milliseconds(1), failed: false))
        let text = await metrics.scrape()
        #expect(Self.value(#"gazette_database_errors_total{kind="write"}"#, in: text) == 1)
        #expect(Self.value(#"gazette_database_errors_total{kind="read"}"#, in: text) == 0)
        #expect(Self.value(#"gazette_database_call_seconds_bucket{kind="write",le="0.01"}"#, in: text) == 1)
        #expect(Self.value(#"gazette_database_call_seconds_bucket{kind="write",le="0.005"}"#, in: text) == 0)
    }

    @Test("route classes group addresses into a few kinds")
    func routeClasses() {
        #expect(RouteClass.of(path: "/", method: "GET") == .front)
        #expect(RouteClass.of(path: "/2026/11/28/markets/", method: "GET") == .article)
        #expect(RouteClass.of(path: "/2026/11/", method: "GET") == .archive)
        #expect(RouteClass.of(path: "/tag/markets/page/2/", method: "GET") == .archive)
        #expect(RouteClass.of(path: "/feed/", method: "GET") == .feed)
        #expect(RouteClass.of(path: "/tag/markets/feed/", method: "GET") == .feed)
        #expect(RouteClass.of(path: "/sitemap.xml", method: "GET") == .sitemap)
        #expect(RouteClass.of(path: "/comments", method: "POST") == .comment)
        #expect(RouteClass.of(path: "/admin/articles/3", method: "POST") == .newsroom)
        #expect(RouteClass.of(path: "/media/2026/11/a.png", method: "GET") == .media)
        #expect(RouteClass.of(path: "/search", method: "GET") == .search)
        #expect(RouteClass.status(200) == "200" && RouteClass.status(418) == "4xx" && RouteClass.status(502) == "5xx")
    }
}
