import Foundation
import Testing

@testable import GazetteServices

@Suite("Mail: MIME writer")
struct MIMEWriterTests {
    static let date = Date(timeIntervalSince1970: 1_796_300_000)

    @Test("a text-and-HTML message in any script: encoded headers, quoted-printable parts, CRLF, short lines")
    func alternative() throws {
        var message = MailMessage(
            from: try #require(MailAddress("news@example.com", name: "The Harbour Times")),
            to: try #require(MailAddress("zoe@example.org", name: "Zoë Ωmega")),
            subject: "Ваш пароль — reset your password, please, before the link runs out tomorrow",
            text: "Hello Zoë,\nclick: https://news.example.com/admin/reset/abc\n\n— The Harbour Times ",
            html: "<p style=\"margin:0\">Hello Zoë</p>",
            unsubscribeURL: "https://news.example.com/unsubscribe/xyz")
        message.headers = [("Auto-Submitted", "auto-generated")]
        let text = String(
            decoding: MIMEWriter.write(message, id: "abc123.456@example.com", date: Self.date), as: UTF8.self)
        #expect(!text.contains("\n") || text.components(separatedBy: "\n").dropLast().allSatisfy { $0.hasSuffix("\r") })
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 78, "\(line)") }
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "8-bit free: any server takes it")
        #expect(text.contains("From: \"The Harbour Times\" <news@example.com>\r\n"))
        #expect(text.contains("Subject: =?UTF-8?B?0JLQsNGI"), "encoded, the first word beside the name")
        #expect(text.contains("Date: Thu, 03 Dec 2026 12:13:20 +0000\r\n"))
        #expect(text.contains("Message-ID: <abc123.456@example.com>\r\n"))
        #expect(text.contains("List-Unsubscribe: <https://news.example.com/unsubscribe/xyz>\r\n"))
        #expect(text.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"))
        #expect(text.contains("Content-Type: multipart/alternative;\r\n boundary=\"=_gazette_abc123456examplecom\""))
        #expect(text.contains("\r\n--=_gazette_abc123456examplecom--\r\n"))
        #expect(text.contains("Hello Zo=C3=AB,"))
        #expect(text.contains("The Harbour Times=20\r\n"), "a trailing space is encoded")
        #expect(text.contains("style=3D\"margin:0\""))
    }

    @Test("headers decode back to what was written; long words are split between characters")
    func encodedWords() {
        let subject = String(repeating: "日本語のニュース ", count: 6)
        let encoded = MIMEWriter.encodedWords(subject)
        let words = encoded.split(separator: " ")
        #expect(words.allSatisfy { $0.count <= 75 })
        let decoded = words.map { word -> String in
            let body = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            return String(decoding: Data(base64Encoded: String(body)) ?? Data(), as: UTF8.self)
        }.joined()
        #expect(decoded == subject.split(whereSeparator: \.isNewline).joined(separator: " "))
        #expect(MIMEWriter.encodedWords("Plain words") == "Plain words")
        #expect(
            MIMEWriter.encodedWords("Line\r\nBcc: evil@example.com") == "Line Bcc: evil@example.com",
            "no header injection")
    }

    @Test("addresses refuse anything that could smuggle a header or a second recipient")
    func addresses() {
        #expect(MailAddress("ana@example.com") != nil)
        for bad in [
            "", "ana", "ana@", "@example.com", "a b@example.com", "ana@example.com\r\nBcc: x@y.z", "a<b>@x.y",
            "a,b@x.y",
        ] {
            #expect(MailAddress(bad) == nil, "\(bad)")
        }
        #expect(MailAddress("ana@example.com", name: "Ana\r\nBcc: x")?.name == "Ana Bcc: x")
    }
}

/// What Python's own mail parser makes of a message (scripts/lib/parse_mail.py).
struct ParsedMail: Decodable {
    struct Part: Decodable {
        let type: String
        let text: String
    }
    let subject: String
    let from: String
    let to: String
    let listUnsubscribe: String
    let listUnsubscribePost: String
    let messageID: String
    let parts: [Part]
    let defects: [String]

    static func parse(_ bytes: [UInt8]) throws -> ParsedMail {
        let folder = FileManager.default.temporaryDirectory
        let input = folder.appendingPathComponent("mail-in-\(UUID().uuidString).eml")
        let output = folder.appendingPathComponent("mail-out-\(UUID().uuidString).json")
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: output)
        }
        try Data(bytes).write(to: input)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/lib/parse_mail.py")
        let reading = open(input.path, O_RDONLY | O_CLOEXEC)
        let writing = open(output.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        defer {
            close(reading)
            close(writing)
        }
        let child = try ChildProcess.start(
            "/usr/bin/env", arguments: ["python3", script.path], input: .descriptor(reading),
            output: .descriptor(writing))
        #expect(child.waitBlocking() == .exited(0))
        return try JSONDecoder().decode(ParsedMail.self, from: Data(contentsOf: output))
    }
}

@Suite("Mail: a real mail parser reads what Gazette writes")
struct MailParserTests {
    @Test("headers in any script, both parts whole, the dot lines and long lines intact, no defects")
    func parsed() throws {
        let long = String(repeating: "Harbour dredging continues through the winter months. ", count: 8)
        let message = MailMessage(
            from: try #require(MailAddress("news@example.com", name: "Ο Λιμενικός")),
            to: try #require(MailAddress("zoe@example.org", name: "Zoë, \"the\" reader")),
            subject: "Νέο σχόλιο — “Council approves the new library” 📰",
            text: "First line.\n.A line that starts with a dot.\n" + long + "\nÜmlaut = equals.",
            html: "<p>First line.</p><p>" + long + "</p><p>Ümlaut = equals.</p>",
            unsubscribeURL: "https://news.example.com/subscriptions/abc.def/unsubscribe?topic=thread:4")
        let parsed = try ParsedMail.parse(MIMEWriter.write(message, id: "x1@example.com", date: MIMEWriterTests.date))
        #expect(parsed.defects.isEmpty, "\(parsed.defects)")
        #expect(parsed.subject == "Νέο σχόλιο — “Council approves the new library” 📰")
        #expect(parsed.from == "Ο Λιμενικός <news@example.com>")
        #expect(parsed.to.contains("zoe@example.org") && parsed.to.contains("Zoë"))
        #expect(
            parsed.listUnsubscribe == "<https://news.example.com/subscriptions/abc.def/unsubscribe?topic=thread:4>")
        #expect(parsed.listUnsubscribePost == "List-Unsubscribe=One-Click")
        #expect(parsed.messageID == "<x1@example.com>")
        #expect(parsed.parts.map(\.type) == ["text/plain", "text/html"])
        let text = try #require(parsed.parts.first?.text).replacingOccurrences(of: "\r\n", with: "\n")
        #expect(text.hasPrefix("First line.\n.A line that starts with a dot.\n" + long))
        #expect(text.contains("Ümlaut = equals."))
        #expect(try #require(parsed.parts.last?.text).contains("<p>" + long + "</p>"))
    }
}
