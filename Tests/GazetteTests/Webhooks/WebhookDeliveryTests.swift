import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteStorage

@Suite("Webhooks: what counts as delivered")
struct WebhookDeliveryTests {
    static func site(
        _ clock: ManualClock, url: @escaping @Sendable () throws -> String,
        _ body: @escaping @Sendable (TestSite, Int64) async throws -> Void
    ) async throws {
        try await TestSite.run(.sqlite, clock: clock.clock, seed: NewsroomFixtures.seed) { site in
            try await site.services.site.update(["site.webhooks_private": "on"])
            let id = try await site.services.webhooks.register(
                WebhookEndpointForm(url: try url(), events: [.articlePublished]))
            _ = try await WebhookTests.publish(site, "Lighthouse keeper retires")
            try await body(site, id)
        }
    }

    @Test("a redirect is not followed: it counts as a failed attempt")
    func redirectNotFollowed() async throws {
        let receiver = try WebhookReceiver(status: 302)
        defer { receiver.stop() }
        try await Self.site(ManualClock(TestSite.now), url: { receiver.url }) { site, id in
            #expect(try await site.services.webhookSender(logger: TestDatabase.logger).sendDue() == 0)
            let log = try #require(try await site.services.webhooks.deliveries(endpointID: id).first)
            #expect(log.responseStatus == 302 && log.status == "waiting" && receiver.received().count == 1)
        }
    }

    @Test("each address a name gave is tried in turn: one that refuses does not stop delivery")
    func addressesInTurn() async throws {
        let receiver = try WebhookReceiver()
        defer { receiver.stop() }
        // Nothing can listen on 127.0.0.2 at the receiver's port while it holds 127.0.0.1's (a wildcard or
        // dual-stack listener would collide with it), so that address surely refuses.
        let refusing: [UInt8] = [127, 0, 0, 2]
        let target = try WebhookTarget.check("http://hooks.test:\(receiver.port)/in", allowsPrivateAddresses: true) {
            _ in [refusing, [127, 0, 0, 1]]
        }
        #expect(target.addresses.count == 2)
        let status = try await WebhookClient(timeout: 30).post(
            "{}", to: target, headers: [("Content-Type", "application/json")])
        #expect(status == 200)
        #expect(receiver.received().first?.header("Host") == "hooks.test:\(receiver.port)")
    }

    @Test("a receiver that accepts the connection and never answers is cut off at the deadline")
    func silentReceiver() async throws {
        let silent = try SilentListener()
        defer { silent.close() }
        try await Self.site(ManualClock(TestSite.now), url: { "http://127.0.0.1:\(silent.port)/" }) { site, id in
            var sender = site.services.webhookSender(logger: TestDatabase.logger)
            sender.client.timeout = 1
            let started = Date()
            #expect(try await sender.sendDue() == 0)
            #expect(Date().timeIntervalSince(started) < 15, "one second, with room for a busy machine")
            let log = try #require(try await site.services.webhooks.deliveries(endpointID: id).first)
            #expect(log.lastError.contains("no answer within 1 seconds"), "\(log.lastError)")
        }
    }

    @Test("a sender that stopped mid-delivery: its claim runs out and the delivery is sent again")
    func stoppedSender() async throws {
        let receiver = try WebhookReceiver()
        defer { receiver.stop() }
        let clock = ManualClock(TestSite.now)
        try await Self.site(clock, url: { receiver.url }) { site, id in
            // An instance claims the delivery and is killed before it records anything.
            let store = site.services.webhooks.store
            #expect(
                try await store.claim(limit: 10, now: clock.clock.now(), for: WebhookSender.claimSeconds).count == 1)
            let sender = site.services.webhookSender(logger: TestDatabase.logger)
            #expect(try await sender.sendDue() == 0, "still claimed")
            clock.advance(seconds: WebhookSender.claimSeconds + 1)
            #expect(try await sender.sendDue() == 1)
            let log = try #require(try await site.services.webhooks.deliveries(endpointID: id).first)
            #expect(log.status == "delivered" && log.attempts == 2 && receiver.received().count == 1)
        }
    }
}

/// A TCP port on 127.0.0.1 that accepts connections (the kernel completes them) and never says a word.
final class SilentListener: @unchecked Sendable {
    let descriptor: Int32
    let port: Int

    init() throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let descriptor = self.descriptor
        let ready = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && listen(descriptor, 8) == 0
                    && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard ready else { throw CommandLineError(message: "cannot listen on 127.0.0.1") }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() { _ = Glibc.close(descriptor) }
}
