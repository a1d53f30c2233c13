import Foundation
import Testing

@Suite("gazette mail test", .serialized)
struct MailCommandTests {
    @Test("without SMTP the test message is an .eml file; with it, it reaches the server; a bad password is told")
    func test() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mailcmd-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try CommandLine.run(["mail", "test", "ana@example.com", "--data-dir", folder.path])
        #expect(files.status == 0, "\(files.all)")
        #expect(files.output.contains("Sent a test message to ana@example.com through files in"))
        let eml = folder.appendingPathComponent("outbox/1.eml")
        #expect(try String(contentsOf: eml, encoding: .utf8).contains("Subject: Test message from"))

        let server = try SMTPTestServer()
        defer { server.stop() }
        let good =
            "smtp://\(SMTPTestServer.user):\(SMTPTestServer.password)@127.0.0.1:\(server.port)?ca=\(server.caFile)"
        let sent = try CommandLine.run(
            ["mail", "test", "bo@example.org", "--data-dir", folder.path], environment: ["GAZETTE_SMTP_URL": good])
        #expect(sent.status == 0, "\(sent.all)")
        #expect(sent.output.contains("through the SMTP server smtp://gazette@127.0.0.1:\(server.port)"))
        #expect(server.received().map(\.to) == [["bo@example.org"]])

        let bad = "smtp://\(SMTPTestServer.user):wrong-secret-q7@127.0.0.1:\(server.port)?ca=\(server.caFile)"
        let refused = try CommandLine.run(
            ["mail", "test", "cy@example.org", "--data-dir", folder.path], environment: ["GAZETTE_SMTP_URL": bad])
        #expect(refused.status != 0)
        #expect(refused.all.contains("The test message was not sent") && refused.all.contains("535"))
        #expect(!refused.all.contains("wrong-secret-q7"), "the password never reaches the terminal or the log")
        let nonsense = try CommandLine.run(
            ["mail", "test", "cy@example.org", "--data-dir", folder.path],
            environment: ["GAZETTE_SMTP_URL": "http://user:pw-z3@mail.example.com"])
        #expect(nonsense.status != 0 && nonsense.all.contains("smtp://") && !nonsense.all.contains("pw-z3"))
    }
}
