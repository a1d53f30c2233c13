import Foundation
import GazetteContent

/// Makes a smaller copy of an image with libvips' `vipsthumbnail` (Debian and Ubuntu: `libvips-tools`;
/// macOS: `brew install vips`). It runs as a separate program: Gazette builds and runs without it, and an
/// image that trips the library up cannot take the server down with it.
public struct ImageResizer: Sendable {
    /// The program, or nil when it is not installed (uploads are then served as they came).
    public let program: URL?
    /// A copy that takes longer than this is given up.
    static let timeLimit: TimeInterval = 60

    public init(program: URL?) {
        self.program = program
    }

    /// The program `GAZETTE_VIPSTHUMBNAIL` names (`off` for none), or else `vipsthumbnail` from the `PATH`.
    public static func configured(
        environment: [String: String] = ProcessInfo.processInfo.environment
    )
        -> ImageResizer
    {
        switch environment["GAZETTE_VIPSTHUMBNAIL"] {
        case "off": ImageResizer(program: nil)
        case let path? where !path.isEmpty: ImageResizer(program: URL(fileURLWithPath: path))
        default: find(path: environment["PATH"])
        }
    }

    /// `vipsthumbnail` from the `PATH`, if there is one.
    public static func find(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> ImageResizer {
        let folders = (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        let found = folders.lazy.map { URL(fileURLWithPath: String($0)).appendingPathComponent("vipsthumbnail") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        return ImageResizer(program: found)
    }

    public var isAvailable: Bool { program != nil }

    /// Why a copy was not made, in words for the log.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes `source` at most `width` pixels wide (never wider than it is) to `target`, in `format` (JPEG,
    /// PNG or WebP), without its metadata (camera, location).
    public func resize(_ source: URL, to target: URL, width: Int, format: ImageFormat) async throws {
        guard let program else { throw Failure(description: "vipsthumbnail is not installed") }
        let options =
            switch format {
            case .jpeg: "[Q=82,strip,optimize_coding]"
            case .webp: "[Q=80,strip]"
            case .png: "[strip,compression=9]"
            case .gif, .avif: "[strip]"
            }
        // What it says on failure goes to a file (a pipe could fill up and stall it).
        let said = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-vips-\(UUID().uuidString)")
        let errors = open(said.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard errors >= 0 else { throw Failure(description: "no room for vipsthumbnail's messages at \(said.path)") }
        defer {
            close(errors)
            try? FileManager.default.removeItem(at: said)
        }
        let child: ChildProcess
        do {
            child = try ChildProcess.start(
                program.path, arguments: [source.path, "--size", "\(width)x>", "-o", target.path + options],
                errors: .descriptor(errors))
        } catch {
            throw Failure(description: "vipsthumbnail could not start: \(error)")
        }
        let ending = await child.wait(limit: Self.timeLimit)
        guard ending == .exited(0) else {
            let message = (try? String(contentsOf: said, encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(at: target)
            throw Failure(description: "vipsthumbnail failed (\(ending.status)): \(message.prefix(300))")
        }
    }
}
