import Foundation
import GazetteStorage
import GazetteTestSupport
import Testing

/// PostgreSQL going away under a running site: every call has a deadline, `/healthz` answers within a
/// second, cached pages keep being served, others answer 503, and service returns within seconds of the
/// database coming back.
@Suite("Database outages")
struct DatabaseOutageTests {
    final class ProxyBox: @unchecked Sendable { var proxy: FaultProxy? }

    static func timed<T>(_ work: () async throws -> T) async rethrows -> (T, TimeInterval) {
        let started = Date()
        let result = try await work()
        return (result, Date().timeIntervalSince(started))
    }

    @Test(
        "a silent network and a restarted server: 503 within the deadline, cached pages served, quick recovery",
        arguments: TestEngine.available.filter { $0 == .postgres })
    func outage(engine: TestEngine) async throws {
        let box = ProxyBox()
        defer { box.proxy?.stop() }
        try await TestSite.run(
            engine,
            configure: { configuration in
                guard case .postgres(var address) = configuration.database,
                    let proxy = try? FaultProxy(upstreamPort: address.port)
                else { return }
                box.proxy = proxy
                address.port = proxy.port
                configuration.database = .postgres(address)
                // Long enough for the seeding on a busy machine, short enough for a test.
                configuration.databaseTimeout = 5
            }, seed: CommentFixtures.seed()
        ) { site in
            let proxy = try #require(box.proxy)
            let article = "/2026/11/28/markets-rally-on-rate-news/"
            #expect(try await site.get(article).status == .ok)
            #expect(try await site.get("/healthz").status == .ok)

            // The network goes silent: nothing answers, nothing fails either.
            proxy.freeze()
            // Asked three times: on a machine busy with the rest of the suite one answer can be late for want of
            // a thread, but a check without its own deadline would hang every time.
            var healthTimes: [TimeInterval] = []
            for _ in 1...3 {
                let (health, time) = try await Self.timed { try await site.get("/healthz") }
                #expect(health.status == .serviceUnavailable)
                healthTimes.append(time)
            }
            #expect((healthTimes.min() ?? 99) < 3, "\(healthTimes) s")
            let (cached, _) = try await Self.timed { try await site.get(article) }
            #expect(cached.status == .ok, "a cached page is still served")
            let (uncached, uncachedTime) = try await Self.timed { try await site.get("/tag/markets/") }
            #expect(uncached.status == .serviceUnavailable && uncachedTime < 12, "\(uncachedTime) s")
            #expect(uncached.headers[.retryAfter] == "5")

            // The server restarts: every connection is cut, and for a while new ones are refused.
            proxy.cut()
            proxy.refuse(true)
            proxy.thaw()
            let (down, downTime) = try await Self.timed { try await site.get("/search?q=markets") }
            #expect(down.status == .serviceUnavailable && downTime < 12, "\(downTime) s")
            try await Task.sleep(for: .seconds(2))
            proxy.refuse(false)
            let back = Date()
            var recovered = false
            while Date().timeIntervalSince(back) < 15 {
                if try await site.get("/healthz").status == .ok, try await site.get("/tag/markets/").status == .ok {
                    recovered = true
                    break
                }
                try await Task.sleep(for: .milliseconds(250))
            }
            #expect(recovered, "service returned within 15 s of the database")
            #expect(Date().timeIntervalSince(back) < 10, "\(Date().timeIntervalSince(back)) s to recover")
        }
    }
}
