import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteStorage
@testable import GazetteWeb

@Suite("Webhooks: retries, addresses and transactions")
struct WebhookRetryTests {
    @Test("a 500 is tried again after its backoff, then delivered with the same id", arguments: TestEngine.available)
    func retriedAfterError(engine: TestEngine) async throws {
        let receiver = try WebhookReceiver(failFirst: 1)
        defer { receiver.stop() }
        let clock = ManualClock(TestSite.now)
        try await TestSite.run(engine, clock: clock.clock, seed: NewsroomFixtures.seed) { site in
            try await site.services.site.update(["site.webhooks_private": "on"])
            let id = try await site.services.webhooks.register(
                WebhookEndpointForm(url: receiver.url, events: [.articlePublished]))
            _ = try await WebhookTests.publish(site, "Tide tables corrected")
            let sender = site.services.webhookSender(logger: TestDatabase.logger)
            #expect(try await sender.sendDue() == 0)
            var log = try await site.services.webhooks.deliveries(endpointID: id)
            #expect(log.first?.status == "waiting" && log.first?.attempts == 1 && log.first?.responseStatus == 500)
            #expect(log.first?.lastError.contains("500") == true)
            #expect(log.first?.nextAttemptAt == clock.clock.now().addingTimeInterval(30))
            #expect(try await sender.sendDue() == 0, "not before its time")
            #expect(receiver.received().count == 1)
            clock.advance(seconds: 31)
            #expect(try await sender.sendDue() == 1)
            let received = receiver.received()
            #expect(received.map(\.status) == [500, 200])
            #expect(received[0].header("Gazette-Delivery") == received[1].header("Gazette-Delivery"))
            log = try await site.services.webhooks.deliveries(endpointID: id)
            #expect(log.first?.status == "delivered" && log.first?.attempts == 2 && log.first?.lastError == "")
        }
    }

    @Test("a receiver that never answers well is tried with growing waits for a day, then marked failed")
    func givenUp() async throws {
        let clock = ManualClock(TestSite.now)
        try await TestSite.run(.sqlite, clock: clock.clock, seed: NewsroomFixtures.seed) { site in
            try await site.services.site.update(["site.webhooks_private": "on"])
            // A port nobody listens on: connection refused, every time.
            let id = try await site.services.webhooks.register(
                WebhookEndpointForm(url: "http://127.0.0.1:\(try FreePort.find())/", events: [.articlePublished]))
            _ = try await WebhookTests.publish(site, "Ferry timetable")
            let sender = site.services.webhookSender(logger: TestDatabase.logger)
            var waits: [TimeInterval] = []
            for _ in 0..<40 {
                _ = try await sender.sendDue()
                guard let next = try await site.services.webhooks.deliveries(endpointID: id).first?.nextAttemptAt
                else { break }
                waits.append(next.timeIntervalSince(clock.clock.now()))
                clock.advance(seconds: next.timeIntervalSince(clock.clock.now()))
            }
            #expect(Array(waits.prefix(6)) == [30, 120, 600, 1_800, 3_600, 3_600])
            let last = try #require(try await site.services.webhooks.deliveries(endpointID: id).first)
            #expect(last.status == "failed" && last.lastError.contains("refused"), "\(last.lastError)")
            #expect(clock.clock.now().timeIntervalSince(TestSite.now) <= 86_400)
        }
    }

    @Test("private, loopback and link-local addresses are refused unless the setting allows them")
    func privateAddresses() async throws {
        let receiver = try WebhookReceiver()
        defer { receiver.stop() }
        try await TestSite.run(.sqlite, seed: NewsroomFixtures.seed) { site in
            await #expect(throws: ValidationErrors.self) {
                try await site.services.webhooks.register(
                    WebhookEndpointForm(url: receiver.url, events: [.articlePublished]))
            }
            var admin = Staff(site: site)
            _ = try await admin.signIn("admin@example.com", NewsroomFixtures.password)
            let refused = try await admin.post(
                AdminURL.webhooks.path,
                pairs: [
                    ("csrf_token", try await admin.csrf()), ("url", "http://169.254.169.254/latest"),
                    ("events", "article.published"), ("active", "1"),
                ])
            #expect(refused.status == .unprocessableContent && refused.contains("private network"))
            let notWeb = try await admin.post(
                AdminURL.webhooks.path,
                pairs: [("csrf_token", try await admin.csrf()), ("url", "ftp://files.example.com/"), ("active", "1")])
            #expect(notWeb.status == .unprocessableContent && notWeb.contains("Choose at least one event"))

            // Allowed while registering, refused again at delivery once the setting is off.
            try await site.services.site.update(["site.webhooks_private": "on"])
            let id = try await site.services.webhooks.register(
                WebhookEndpointForm(url: receiver.url, events: [.articlePublished]))
            try await site.services.site.update(["site.webhooks_private": "off"])
            _ = try await WebhookTests.publish(site, "Quay works")
            #expect(try await site.services.webhookSender(logger: TestDatabase.logger).sendDue() == 0)
            #expect(receiver.received().isEmpty)
            let log = try #require(try await site.services.webhooks.deliveries(endpointID: id).first)
            #expect(log.lastError.contains("private network") && log.status == "waiting")
        }
    }

    @Test("names are checked on every address they resolve to")
    func resolvedAddresses() throws {
        func check(_ url: String, _ answers: [[UInt8]], allowed: Bool = false) -> Bool {
            (try? WebhookTarget.check(url, allowsPrivateAddresses: allowed) { _ in answers }) != nil
        }
        let v6 = { (first: UInt8, second: UInt8, last: UInt8) -> [UInt8] in
            [first, second] + Array(repeating: 0, count: 13) + [last]
        }
        #expect(check("https://hooks.example.com/in", [[93, 184, 216, 34]]))
        #expect(!check("https://hooks.example.com/in", [[93, 184, 216, 34], [10, 0, 0, 5]]), "one private answer")
        for address in [
            [127, 0, 0, 1], [10, 1, 2, 3], [172, 16, 0, 1], [192, 168, 1, 1], [169, 254, 169, 254], [0, 0, 0, 0],
        ] as [[UInt8]] {
            #expect(!check("http://rebind.example/", [address]), "\(address)")
            #expect(check("http://rebind.example/", [address], allowed: true), "\(address) when allowed")
        }
        #expect(!check("http://x.example/", [v6(0, 0, 1)]), "::1")
        #expect(!check("http://x.example/", [v6(0xFC, 0, 1)]), "fc00::/7")
        #expect(!check("http://x.example/", [v6(0xFE, 0x80, 1)]), "fe80::/10")
        #expect(!check("http://x.example/", [v6(0, 0, 0)]), "::")
        #expect(!check("ftp://x.example/", [[93, 184, 216, 34]]))
        #expect(!check("https://nowhere.example/", []), "a name that does not resolve")
        let target = try WebhookTarget.check("https://hooks.example.com:8443/in?x=1", allowsPrivateAddresses: false) {
            _ in [[93, 184, 216, 34]]
        }
        #expect(target.target == "/in?x=1" && target.hostHeader == "hooks.example.com:8443" && target.isTLS)
    }

    @Test("a transaction rolled back queues nothing; a stale save queues nothing", arguments: TestEngine.available)
    func rollback(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            try await site.services.site.update(["site.webhooks_private": "on"])
            let id = try await site.services.webhooks.register(
                WebhookEndpointForm(url: "http://127.0.0.1:9/", events: Set(WebhookEvent.allCases)))
            let (draft, articleID) = try await site.marketsDraft()
            struct Abort: Error {}
            let queue = try #require(site.services.articles.webhooks)
            await #expect(throws: Abort.self) {
                try await site.services.database.write { db in
                    try await queue.queueArticle(.articleUpdated, id: articleID, now: TestSite.now, in: db)
                    throw Abort()
                }
            }
            await #expect(throws: EditConflict.self) {
                try await site.services.publishing.save(draft, id: articleID, expectedRevision: 0)
            }
            #expect(try await site.services.webhooks.deliveries(endpointID: id).isEmpty)
            // The same save, not stale: one article.updated.
            try await site.services.publishing.save(draft, id: articleID)
            #expect(try await site.services.webhooks.deliveries(endpointID: id).map(\.event) == ["article.updated"])
        }
    }
}
