import Foundation

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
        let process = try start(arguments, environment: environment, executable: executable)
        let deadline = Date().addingTimeInterval(timeout)
        while process.process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.process.isRunning {
            process.process.terminate()
            throw CommandLineError(
                message: "gazette \(arguments.joined(separator: " ")) did not finish in \(timeout) s")
        }
        process.process.waitUntilExit()
        return process.result()
    }

    /// A started process whose output is collected in files (pipes could fill up and block it).
    final class Running: @unchecked Sendable {
        let process: Process
        let outputFile: URL
        let errorFile: URL

        init(process: Process, outputFile: URL, errorFile: URL) {
            self.process = process
            self.outputFile = outputFile
            self.errorFile = errorFile
        }

        func result() -> Result {
            let output = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
            let errors = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(at: outputFile)
            try? FileManager.default.removeItem(at: errorFile)
            return Result(status: process.terminationStatus, output: output, errors: errors)
        }
    }

    /// Starts `gazette` with `arguments`, or another `executable` (a shell that sets limits, say) with them.
    static func start(
        _ arguments: [String], environment: [String: String] = [:], executable: URL? = nil
    ) throws -> Running {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw CommandLineError(message: "No gazette binary at \(binary.path): build it first with swift build.")
        }
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GAZETTE_") }
        env.merge(environment) { _, new in new }
        process.environment = env
        let folder = FileManager.default.temporaryDirectory
        let outputFile = folder.appendingPathComponent("gazette-out-\(UUID().uuidString)")
        let errorFile = folder.appendingPathComponent("gazette-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Running(process: process, outputFile: outputFile, errorFile: errorFile)
    }
}

struct CommandLineError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
