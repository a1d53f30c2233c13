import Crypto
import Foundation
import Testing

@testable import GazetteServices

/// A webhook receiver on 127.0.0.1 (scripts/lib/webhook_receiver.py, standard-library Python) that records
/// every request and answers 500 to the first `failFirst`, `status` after.
final class WebhookReceiver: @unchecked Sendable {
    let port: Int
    let log: URL
    private let process: ChildProcess
    private let input: ChildPipe

    /// A request as it arrived.
    struct Received: Decodable {
        let status: Int
        let headers: [String: String]
        let body: String

        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }

        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
        }

        /// Checks `Gazette-Signature` independently of the code that made it.
        func signatureVerifies(secret: String) -> Bool {
            guard let header = header("Gazette-Signature") else { return false }
            var parts: [String: String] = [:]
            for item in header.split(separator: ",") {
                let pair = item.split(separator: "=", maxSplits: 1)
                if pair.count == 2 { parts[String(pair[0])] = String(pair[1]) }
            }
            guard let time = parts["t"], let given = parts["v1"] else { return false }
            let mac = HMAC<SHA256>.authenticationCode(
                for: Data("\(time).\(body)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
            return mac.map { String(format: "%02x", $0) }.joined() == given
        }
    }

    init(port: Int = 0, failFirst: Int = 0, status: Int = 200) throws {
        log = FileManager.default.temporaryDirectory.appendingPathComponent("webhooks-\(UUID().uuidString).jsonl")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
                "scripts/lib/webhook_receiver.py")
        input = try ChildPipe()
        let output = try ChildPipe()
        process = try ChildProcess.start(
            "/usr/bin/env",
            arguments: [
                "python3", script.path, "--port", String(port), "--log", log.path, "--fail-first", String(failFirst),
                "--status", String(status),
            ], input: .descriptor(input.readEnd), output: .descriptor(output.writeEnd))
        close(input.readEnd)
        close(output.writeEnd)
        defer { close(output.readEnd) }
        var line = Data()
        var buffer = [UInt8](repeating: 0, count: 256)
        while !line.contains(UInt8(ascii: "\n")) {
            let count = read(output.readEnd, &buffer, buffer.count)
            if count <= 0 { break }
            line += buffer[0..<count]
        }
        let words = String(decoding: line, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard words.count == 2, words[0] == "READY", let bound = Int(words[1]) else {
            close(input.writeEnd)
            process.waitUntilExit()
            throw CommandLineError(message: "the webhook receiver did not start")
        }
        self.port = bound
    }

    var url: String { "http://127.0.0.1:\(port)/hooks/gazette?source=test" }

    func received() -> [Received] {
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Received.self, from: Data($0.utf8)) }
    }

    /// Waits up to `seconds` for `count` requests.
    func waitFor(_ count: Int, seconds: Double = 20) async throws -> [Received] {
        let deadline = Date().addingTimeInterval(seconds)
        while received().count < count && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        return received()
    }

    func stop() {
        close(input.writeEnd)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: log)
    }
}
