import Foundation
import GazetteServices

/// Runs the real `gazette` executable, as a person at a terminal would.
struct CommandLine {
    struct Result {
        let status: Int32
        let output: String
        let errors: String
        var all: String { output + errors }
    }

    /// `GAZETTE_BINARY` (set by scripts/test), else the debug build next to this checkout.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["GAZETTE_BINARY"] { return URL(fileURLWithPath: path) }
        // Tests/GazetteTests/Commands/CommandLine.swift → the checkout.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/gazette")
    }

    static func run(
        _ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval = 60,
        executable: URL? = nil
    ) throws
        -> Result
    {
        let running = try start(arguments, environment: environment, executable: executable)
        let deadline = Date().addingTimeInterval(timeout)
        while running.process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if running.process.isRunning {
            running.process.kill()
            running.process.waitUntilExit()
            throw CommandLineError(
                message: "gazette \(arguments.joined(separator: " ")) did not finish in \(timeout) s")
        }
        return running.result()
    }

    /// A started process whose output is collected in files (pipes could fill up and block it).
    final class Running: @unchecked Sendable {
        let process: ChildProcess
        let outputFile: URL
        let errorFile: URL

        init(process: ChildProcess, outputFile: URL, errorFile: URL) {
            self.process = process
            self.outputFile = outputFile
            self.errorFile = errorFile
        }

        func result() -> Result {
            let output = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
            let errors = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(at: outputFile)
            try? FileManager.default.removeItem(at: errorFile)
            return Result(status: process.waitBlocking().status, output: output, errors: errors)
        }
    }

    /// Starts `gazette` with `arguments`, or another `executable` (a shell that sets limits, say) with them.
    static func start(
        _ arguments: [String], environment: [String: String] = [:], executable: URL? = nil
    ) throws -> Running {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw CommandLineError(message: "No gazette binary at \(binary.path): build it first with swift build.")
        }
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GAZETTE_") }
        env.merge(environment) { _, new in new }
        let folder = FileManager.default.temporaryDirectory
        let outputFile = folder.appendingPathComponent("gazette-out-\(UUID().uuidString)")
        let errorFile = folder.appendingPathComponent("gazette-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputFile)
        let errors = try FileHandle(forWritingTo: errorFile)
        defer {
            try? output.close()
            try? errors.close()
        }
        let process = try ChildProcess.start(
            (executable ?? binary).path, arguments: arguments, environment: env,
            output: .descriptor(output.fileDescriptor), errors: .descriptor(errors.fileDescriptor))
        return Running(process: process, outputFile: outputFile, errorFile: errorFile)
    }
}

struct CommandLineError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

extension ChildProcess {
    /// Blocks until it has ended (tests only).
    func waitUntilExit() { _ = waitBlocking() }
}
