import Foundation
import GazetteTestSupport
import Testing

@Suite("Connection limits")
struct ConnectionLimitsTests {
    @Test("slow and idle clients are disconnected, and cannot use up the server's connections")
    func slowClients() async throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("gazette-slow-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let port = try FreePort.find()
        let server = try CommandLine.start([
            "serve", "--port", String(port), "--data-dir", folder.path, "--welcome", "off",
            "--connection-timeout", "2", "--max-connections", "20",
        ])
        defer { if server.process.isRunning { server.process.terminate() } }
        _ = try await HTTPProbe.waitForAnswer("http://127.0.0.1:\(port)/healthz")

        // Headers that never end, and a connection that never says anything.
        let slow = try RawConnection(port: port)
        slow.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        let silent = try RawConnection(port: port)
        #expect(slow.closedByServer(within: 10), "a client still sending its headers is cut off")
        #expect(silent.closedByServer(within: 10), "an idle connection is closed")
        slow.close()
        silent.close()

        // More silent clients than the server serves at once: readers still get through.
        let crowd = try (0..<60).map { _ in try RawConnection(port: port) }
        defer { crowd.forEach { $0.close() } }
        let started = Date()
        let page = try await HTTPProbe.waitForAnswer("http://127.0.0.1:\(port)/healthz", timeout: 30)
        #expect(!page.isEmpty)
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(server.process.isRunning)
        server.process.terminate()
        server.process.waitUntilExit()
    }
}
