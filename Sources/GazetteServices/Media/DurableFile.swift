import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a file so that it is either there completely after a crash or not there at all: a temporary
/// file, flushed to disk, then renamed into place.
package enum DurableFile {
    package static func write(_ bytes: [UInt8], to url: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(UUID().uuidString).part")
        guard manager.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try handle.write(contentsOf: bytes)
            try handle.synchronize()
            try manager.moveItem(at: temporary, to: url)
            try syncFolder(of: url)
        } catch {
            try? manager.removeItem(at: temporary)
            throw error
        }
    }

    /// The rename itself is durable only once the folder's entry is on disk.
    private static func syncFolder(of url: URL) throws {
        let folder = open(url.deletingLastPathComponent().path, O_RDONLY)
        guard folder >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(folder) }
        guard fsync(folder) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
}
