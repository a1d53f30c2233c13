import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteWeb

/// Reads mail Gazette wrote as `.eml` files (no SMTP server configured).
enum Mailbox {
    /// The messages in the outbox folder, oldest first, with quoted-printable soft breaks undone.
    static func messages(_ site: TestSite) throws -> [String] {
        let folder = DataDirectory(site.services.configuration.dataDirectory).outboxFolder
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".eml") }.sorted { Int($0.dropLast(4)) ?? 0 < Int($1.dropLast(4)) ?? 0 }
        return try names.map {
            decoded(try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
        }
    }

    /// A message as a reader's mail program shows it: headers unfolded with their `=?UTF-8?B?…?=` words
    /// decoded, and the quoted-printable body read back (soft breaks joined, `=XX` turned into bytes).
    static func decoded(_ message: String) -> String {
        guard let split = message.range(of: "\r\n\r\n") else { return message }
        let headers = message[..<split.lowerBound].replacingOccurrences(of: "\r\n ", with: " ")
        return words(headers) + "\r\n\r\n" + quotedPrintable(String(message[split.upperBound...]))
    }

    /// RFC 2047 base64 words read back; the space between two of them goes with them.
    static func words(_ text: String) -> String {
        let pattern = try! Regex(#"=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=( (?==\?UTF-8\?B\?))?"#)
        return text.replacing(pattern) { match in
            let encoded = String(match.output[1].substring ?? "")
            return Data(base64Encoded: encoded).map { String(decoding: $0, as: UTF8.self) } ?? encoded
        }
    }

    static func quotedPrintable(_ body: String) -> String {
        let bytes = Array(body.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "="), index + 2 < bytes.count,
                let value = UInt8(String(decoding: bytes[index + 1...index + 2], as: UTF8.self), radix: 16)
            {
                out.append(value)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The first link in a message under `prefix`.
    static func link(_ prefix: String, in message: String) -> String? {
        guard let start = message.range(of: prefix) else { return nil }
        let rest = message[start.lowerBound...]
        return String(rest.prefix { !$0.isWhitespace && $0 != "\"" && $0 != "<" })
    }
}

@Suite("Mail: forgot your password")
struct ForgotPasswordTests {
    static func ask(_ site: TestSite, _ email: String, from ip: String = "192.0.2.7") async throws -> Fetched {
        try await site.post(
            "/admin/login/forgot", form: ["email": email], headers: [.xForwardedFor: ip])
    }

    @Test(
        "a link by email, the same answer for unknown addresses, limits per account and per client, then a new password",
        arguments: TestEngine.available)
    func flow(engine: TestEngine) async throws {
        try await TestSite.run(
            engine, configure: { $0.trustedProxies = ["127.0.0.1/32"] }, seed: NewsroomFixtures.seed
        ) { site in
            #expect(
                try await site.get("/admin/login").contains(#"<a href="/admin/login/forgot">Forgot your password?</a>"#)
            )
            #expect(try await site.get("/admin/login/forgot").contains("Email me a link"))

            let known = try await Self.ask(site, "Editor@Example.com ")
            let unknown = try await Self.ask(site, "nobody@example.com")
            #expect(known.status == .ok && unknown.status == .ok)
            #expect(known.contains("Check your email") && unknown.contains("Check your email"))
            #expect(
                known.body.replacingOccurrences(of: "Editor@Example.com", with: "X")
                    == unknown.body.replacingOccurrences(of: "nobody@example.com", with: "X"),
                "nothing tells who has an account")
            // Nothing goes out before the sender runs; then one message, to the account's own address.
            #expect(try Mailbox.messages(site).isEmpty)
            try await site.services.mailSender(logger: TestDatabase.logger).sendDue()
            let mail = try Mailbox.messages(site)
            #expect(mail.count == 1)
            let message = try #require(mail.first)
            #expect(message.contains("To: \"Editor User\" <editor@example.com>"))
            #expect(message.contains("Subject: Choose a new password for The Test Times"))
            let link = try #require(Mailbox.link("https://news.example.com/admin/reset/", in: message))

            // The link works: a new password, signed in.
            let path = try #require(URL(string: link)?.path)
            #expect(try await site.get(path).contains("Choose a new password"))
            let chosen = try await site.post(path, form: ["password": "a brand new harbour password"])
            #expect(chosen.status == .seeOther, "\(chosen.body.prefix(300))")
            var again = Staff(site: site)
            #expect(try await again.signIn("editor@example.com", "a brand new harbour password").status == .seeOther)
            #expect(try await site.get(path).status == .gone, "the link works once")

            // Three mails an hour per account, whoever asks, from wherever.
            for round in 1...3 { _ = try await Self.ask(site, "editor@example.com", from: "192.0.2.\(20 + round)") }
            try await site.services.mailSender(logger: TestDatabase.logger).sendDue()
            #expect(try Mailbox.messages(site).count == 3, "one sent before, two more, then no more")
            // Five requests from one client address in a quarter of an hour, no more.
            for _ in 1...4 { _ = try await Self.ask(site, "nobody@example.com", from: "198.51.100.9") }
            let more = try await Self.ask(site, "nobody@example.com", from: "198.51.100.9")
            let tooMany = try await Self.ask(site, "nobody@example.com", from: "198.51.100.9")
            #expect(more.status == .ok && tooMany.status == .tooManyRequests)
            // An address with a line break in it reaches nobody.
            _ = try await Self.ask(site, "author@example.com\r\nBcc: evil@example.com", from: "203.0.113.5")
            try await site.services.mailSender(logger: TestDatabase.logger).sendDue()
            #expect(try Mailbox.messages(site).allSatisfy { !$0.contains("evil@example.com") })
        }
    }
}
