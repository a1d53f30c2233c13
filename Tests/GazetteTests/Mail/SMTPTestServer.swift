import Foundation
import Testing

@testable import GazetteServices

/// A real SMTP server on 127.0.0.1 (scripts/lib/smtp_server.py: aiosmtpd with STARTTLS and AUTH, from
/// PyPI, installed by the test command), for as long as a test needs it.
final class SMTPTestServer: @unchecked Sendable {
    static let user = "gazette"
    static let password = "test-password"
    let folder: URL
    let port: Int
    let caFile: String
    private let process: ChildProcess
    private let input: ChildPipe

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-\(UUID().uuidString)")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
                "scripts/lib/smtp_server.py")
        input = try ChildPipe()
        let output = try ChildPipe()
        process = try ChildProcess.start(
            "/usr/bin/env",
            arguments: [
                "python3", script.path, "--dir", folder.path, "--user", Self.user, "--password", Self.password,
            ], input: .descriptor(input.readEnd), output: .descriptor(output.writeEnd))
        close(input.readEnd)
        close(output.writeEnd)
        defer { close(output.readEnd) }
        // "READY <port> <ca.pem>"
        var line = Data()
        var buffer = [UInt8](repeating: 0, count: 512)
        while !line.contains(UInt8(ascii: "\n")) {
            let count = read(output.readEnd, &buffer, buffer.count)
            if count <= 0 { break }
            line += buffer[0..<count]
        }
        let words = String(decoding: line, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard words.count == 3, words[0] == "READY", let port = Int(words[1]) else {
            process.terminate()
            close(input.writeEnd)
            process.waitUntilExit()
            throw MailFailure(
                "the test SMTP server did not start (python3 -m pip install aiosmtpd; the test command does it)")
        }
        self.port = port
        caFile = String(words[2])
    }

    /// Stops the server (closing its input) and waits for it.
    func stop() {
        close(input.writeEnd)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }

    /// What arrived: each message's bytes and envelope (from, to), in order.
    func received() -> [(message: String, from: String, to: [String])] {
        let mail = folder.appendingPathComponent("mail")
        var found: [(String, String, [String])] = []
        var number = 1
        while let data = try? Data(contentsOf: mail.appendingPathComponent("\(number).eml")),
            let envelope = try? JSONSerialization.jsonObject(
                with: Data(contentsOf: mail.appendingPathComponent("\(number).json"))) as? [String: Any]
        {
            found.append(
                (
                    String(decoding: data, as: UTF8.self), envelope["from"] as? String ?? "",
                    envelope["to"] as? [String] ?? []
                ))
            number += 1
        }
        return found
    }

    /// Settings for Gazette to send through this server.
    func settings(user: String = SMTPTestServer.user, password: String = SMTPTestServer.password) -> SMTPSettings {
        var settings = SMTPSettings(
            host: "127.0.0.1", port: port, implicitTLS: false, username: user, password: password, caFile: caFile)
        settings.timeout = 10
        return settings
    }
}
