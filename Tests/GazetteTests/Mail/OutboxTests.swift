import Foundation
import Gazette
import GazetteStorage
import GazetteTestSupport
import Logging
import Synchronization
import Testing

@testable import GazetteServices

/// A transport that records what it was handed; `failAt` makes the Nth delivery lose its connection.
final class RecordingTransport: MailTransport, Sendable {
    let delivered = Mutex<[String]>([])
    let failAt: Int?
    private let count = Mutex(0)

    init(failAt: Int? = nil) {
        self.failAt = failAt
    }

    var summary: String { "a recording" }

    func deliver(
        _ data: [UInt8], from sender: String, to recipient: String, reference: String,
        wholeButLast: @Sendable () async throws -> Void
    ) async throws -> String {
        let number = count.withLock {
            $0 += 1
            return $0
        }
        if number == failAt { throw MailFailure("the connection dropped", connectionLost: true) }
        try await Task.sleep(for: .milliseconds(1))
        try await wholeButLast()
        delivered.withLock { $0.append(recipient) }
        return "recorded"
    }
}

@Suite("Mail: the outbox")
struct OutboxTests {
    static func queue(_ site: TestSite, _ count: Int, event: String = "test") async throws {
        for number in 0..<count {
            try await site.services.outbox.enqueue(
                .init(
                    eventKey: event, recipient: "reader\(number)@example.org", sender: "news@example.com",
                    message: Array("Subject: \(number)\r\n\r\nHello.\r\n".utf8)), now: site.services.clock.now())
        }
    }

    @Test("two instances sending from one outbox send each message once", arguments: TestEngine.available)
    func twoSenders(engine: TestEngine) async throws {
        try await TestSite.run(engine) { site in
            try await Self.queue(site, 120)
            // Queuing the same event for the same person again adds nothing.
            try await Self.queue(site, 10)
            let transport = RecordingTransport()
            let senders = (0..<2).map { _ in
                MailSender(
                    outbox: site.services.outbox, transport: transport, clock: site.services.clock,
                    logger: TestDatabase.logger, perSecond: 0)
            }
            try await withThrowingTaskGroup(of: Int.self) { group in
                for sender in senders { group.addTask { try await sender.sendDue(batch: 7) } }
                var total = 0
                for try await count in group { total += count }
                #expect(total == 120)
            }
            let delivered = transport.delivered.withLock { $0 }
            #expect(delivered.count == 120 && Set(delivered).count == 120)
            #expect(try await site.services.outbox.counts() == ["sent": 120])
        }
    }

    @Test("a sender that stopped part-way: its claim runs out and another takes over; nothing delivering goes twice")
    func stoppedSender() async throws {
        let clock = ManualClock(TestSite.now)
        try await TestSite.run(.sqlite, clock: clock.clock) { site in
            try await Self.queue(site, 6)
            let outbox = site.services.outbox
            // An instance claims three and dies; one of them it had all but sent.
            let claimed = try await outbox.claim(limit: 3, now: clock.clock.now(), for: MailSender.claimSeconds)
            try await outbox.markDelivering(id: try #require(claimed.first).id)
            let transport = RecordingTransport()
            let sender = MailSender(
                outbox: outbox, transport: transport, clock: clock.clock, logger: TestDatabase.logger, perSecond: 0)
            #expect(try await sender.sendDue() == 3, "the three never claimed")
            clock.advance(seconds: MailSender.claimSeconds + 1)
            #expect(try await sender.sendDue() == 2, "the two whose claim ran out, not the one delivering")
            #expect(Set(transport.delivered.withLock { $0 }).count == 5)
            #expect(try await outbox.counts() == ["sent": 5, "delivering": 1])
        }
    }

    @Test("a connection lost mid-batch: that message waits its turn, the untried ones go at once on a new one")
    func lostConnection() async throws {
        let clock = ManualClock(TestSite.now)
        try await TestSite.run(.sqlite, clock: clock.clock) { site in
            try await Self.queue(site, 10)
            let transport = RecordingTransport(failAt: 4)
            let sender = MailSender(
                outbox: site.services.outbox, transport: transport, clock: clock.clock, logger: TestDatabase.logger,
                perSecond: 0)
            #expect(try await sender.sendDue(batch: 10) == 9)
            #expect(try await site.services.outbox.counts() == ["sent": 9, "waiting": 1])
            #expect(
                try await site.services.outbox.state(eventKey: "test", recipient: "reader3@example.org")?.status
                    == "waiting")
            clock.advance(seconds: 61)
            #expect(try await sender.sendDue() == 1, "tried again after its backoff")
        }
    }
}
