import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import Testing

@testable import GazetteServices

@Suite("Mail: SMTP", .serialized)
struct SMTPTransportTests {
    static func message(to: String) -> [UInt8] {
        let mail = MailMessage(
            from: MailAddress("news@example.com", name: "The Harbour Times")!, to: MailAddress(to)!,
            subject: "Tide tables — Gezeiten", text: "Line one.\n.A line that starts with a dot.\nÜmlaut.",
            html: "<p>Line one.</p>")
        return MIMEWriter.write(mail, id: "m1@example.com", date: Date(timeIntervalSince1970: 1_796_300_000))
    }

    @Test("one connection carries many messages; a refused recipient is reset and the next goes through")
    func oneConnection() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let transport = SMTPTransport(settings: server.settings())
        var outcomes: [String] = []
        try await transport.withConnection { send in
            for (number, address) in ["a@example.org", "reject-b@example.org", "c@example.org"].enumerated() {
                do {
                    _ = try await send(Self.message(to: address), "news@example.com", address, "\(number)") {}
                    outcomes.append("sent")
                } catch let failure as MailFailure {
                    #expect(failure.isReply && !failure.connectionLost)
                    outcomes.append(failure.rejectsRecipient ? "bounced" : "failed")
                }
            }
        }
        #expect(outcomes == ["sent", "bounced", "sent"])
        #expect(server.received().map(\.to) == [["a@example.org"], ["c@example.org"]])
        // Nobody listening: the failure says the connection is the problem, not the message.
        var gone = server.settings()
        gone.port = 1
        await #expect {
            try await SMTPTransport(settings: gone).withConnection { _ in }
        } throws: { ($0 as? MailFailure)?.connectionLost == true }
    }

    @Test("only a missing mailbox is a bounce; policy, quota and relaying refusals are not")
    func bounces() {
        #expect(SMTPTransport.isMailboxRefusal(code: 550, text: "5.1.1 No such mailbox here"))
        #expect(SMTPTransport.isMailboxRefusal(code: 553, text: "5.1.3 Bad address syntax"))
        #expect(SMTPTransport.isMailboxRefusal(code: 550, text: "No such user"))
        #expect(!SMTPTransport.isMailboxRefusal(code: 550, text: "5.7.1 Relaying denied"))
        #expect(!SMTPTransport.isMailboxRefusal(code: 554, text: "5.7.0 Authentication required"))
        #expect(!SMTPTransport.isMailboxRefusal(code: 550, text: "5.4.5 Daily sending quota exceeded"))
        #expect(!SMTPTransport.isMailboxRefusal(code: 552, text: "5.2.2 Mailbox full"))
    }

    @Test("a message goes through STARTTLS and AUTH to a real server, byte for byte, the dot line intact")
    func delivered() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let transport = SMTPTransport(settings: server.settings())
        let data = Self.message(to: "reader@example.org")
        let marked = MarkedBox()
        try await transport.deliver(data, from: "news@example.com", to: "reader@example.org") { marked.set() }
        #expect(marked.value, "the outbox is told before the final dot")
        let received = server.received()
        #expect(received.count == 1)
        #expect(received.first?.from == "news@example.com" && received.first?.to == ["reader@example.org"])
        #expect(received.first?.message == String(decoding: data, as: UTF8.self))
    }

    @Test("a wrong password, a refused address and a busy server each say so; the password never appears")
    func failures() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let wrong = SMTPTransport(settings: server.settings(password: "not-the-secret-x9"))
        await #expect {
            try await wrong.deliver(Self.message(to: "a@example.org"), from: "n@example.com", to: "a@example.org") {}
        } throws: { error in
            let failure = error as? MailFailure
            return failure?.isPermanent == true && failure?.description.contains("not-the-secret-x9") == false
                && failure?.description.contains("535") == true
        }
        let good = SMTPTransport(settings: server.settings())
        await #expect {
            try await good.deliver(
                Self.message(to: "reject-me@example.org"), from: "n@example.com", to: "reject-me@example.org"
            ) {}
        } throws: { ($0 as? MailFailure)?.isPermanent == true }
        await #expect {
            try await good.deliver(
                Self.message(to: "later-me@example.org"), from: "n@example.com", to: "later-me@example.org"
            ) {}
        } throws: { ($0 as? MailFailure)?.isPermanent == false }
        // Nobody listening: a failure that may pass.
        var gone = server.settings()
        gone.port = 9
        await #expect {
            try await SMTPTransport(settings: gone).deliver(
                Self.message(to: "a@example.org"), from: "n@example.com", to: "a@example.org"
            ) {}
        } throws: { ($0 as? MailFailure)?.isPermanent == false }
        #expect(server.received().isEmpty)
    }

    @Test("addresses in smtp:// and smtps:// form; nothing else; the password stays out of the summary")
    func settings() throws {
        let plain = try SMTPSettings.parse("smtp://ana:p%40ss@mail.example.com").get()
        #expect(plain.port == 587 && !plain.implicitTLS && plain.username == "ana" && plain.password == "p@ss")
        #expect(!plain.summary.contains("p@ss") && plain.summary == "smtp://ana@mail.example.com:587")
        let secure = try SMTPSettings.parse("smtps://mail.example.com?ca=/etc/ca.pem").get()
        #expect(secure.port == 465 && secure.implicitTLS && secure.caFile == "/etc/ca.pem")
        for bad in ["http://mail.example.com", "smtp://", "smtp://user@mail.example.com", "mail.example.com"] {
            #expect((try? SMTPSettings.parse(bad).get()) == nil, "\(bad)")
        }
    }

    @Test("a site with an SMTP server mails the password link through it", arguments: [TestEngine.sqlite])
    func throughTheSite(engine: TestEngine) async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        try await TestSite.run(engine, configure: { $0.smtp = server.settings() }, seed: NewsroomFixtures.seed) {
            site in
            _ = try await site.post("/admin/login/forgot", form: ["email": "editor@example.com"])
            #expect(try await site.services.mailSender(logger: TestDatabase.logger).sendDue() == 1)
            let received = server.received()
            #expect(received.count == 1 && received.first?.to == ["editor@example.com"])
            #expect(received.first?.message.contains("/admin/reset/") == true)
            #expect(try await site.services.outbox.counts() == ["sent": 1])
        }
    }
}

/// A flag set from a `@Sendable` closure.
final class MarkedBox: @unchecked Sendable {
    private let lock = NSLock()
    private var marked = false
    var value: Bool { lock.withLock { marked } }
    func set() { lock.withLock { marked = true } }
}
