import Foundation
import Testing

@testable import GazetteServices

/// The programs Gazette runs (vipsthumbnail; in tests gazette itself) start and end cleanly however many
/// descriptors Gazette has open, and inherit none of them.
@Suite("Child processes")
struct ChildProcessTests {
    /// Foundation's Process crashed here (reading past readdir's buffer) once a thousand or so were open.
    @Test("starts with two thousand descriptors open, and the child gets only its three")
    func manyDescriptors() async throws {
        let extra = (0..<2_000).map { _ in open("/dev/null", O_RDONLY) }
        defer { for descriptor in extra where descriptor >= 0 { close(descriptor) } }
        #expect(extra.allSatisfy { $0 >= 0 })
        let listing = FileManager.default.temporaryDirectory.appendingPathComponent("fds-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: listing) }
        for _ in 0..<20 {
            let output = open(listing.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
            let child = try ChildProcess.start(
                "/bin/sh", arguments: ["-c", "ls /proc/$$/fd"], output: .descriptor(output))
            close(output)
            #expect(await child.wait() == .exited(0))
        }
        let inherited = try String(contentsOf: listing, encoding: .utf8).split(separator: "\n")
        // The shell's own three, and at most one it opened itself to run ls.
        #expect(Set(inherited).isSuperset(of: ["0", "1", "2"]))
        #expect(inherited.count <= 4, "the child inherited \(inherited.count) descriptors: \(inherited.prefix(10))")
    }

    @Test("reports the exit status, a signal, and a program that is not there")
    func endings() async throws {
        #expect(try ChildProcess.start("/bin/sh", arguments: ["-c", "exit 3"]).waitBlocking() == .exited(3))
        let sleeper = try ChildProcess.start("/bin/sleep", arguments: ["30"])
        #expect(sleeper.isRunning)
        sleeper.terminate()
        #expect(await sleeper.wait() == .killed(by: SIGTERM))
        #expect(sleeper.poll() == .killed(by: SIGTERM))
        let stuck = try ChildProcess.start("/bin/sleep", arguments: ["30"])
        #expect(await stuck.wait(limit: 0.2) == .killed(by: SIGKILL))
        #expect(throws: ChildProcess.Failure.self) {
            try ChildProcess.start("/nonexistent/program", arguments: [])
        }
    }

    @Test("passes the environment it is given, and only that")
    func environment() throws {
        let pipe = try ChildPipe()
        let child = try ChildProcess.start(
            "/usr/bin/env", arguments: [], environment: ["ONLY": "this"], output: .descriptor(pipe.writeEnd))
        close(pipe.writeEnd)
        defer { close(pipe.readEnd) }
        var buffer = [UInt8](repeating: 0, count: 256)
        var said = Data()
        while case let count = read(pipe.readEnd, &buffer, buffer.count), count > 0 { said += buffer[0..<count] }
        #expect(child.waitBlocking() == .exited(0))
        #expect(String(decoding: said, as: UTF8.self) == "ONLY=this\n")
    }
}
