import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The mark a running `gazette serve` leaves on its SQLite database: a shared lock on a file beside it,
/// held as long as the process lives (the system lets go of it when the process ends, even by `kill -9`).
/// Commands that replace the database's files ask first and refuse while any server holds it.
package final class ServingLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Takes the lock for a server on the SQLite file at `databasePath`; several servers may share it.
    package static func hold(forDatabase databasePath: String) throws -> ServingLock {
        let path = DataDirectory.servingLock(forDatabase: databasePath)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ServingLockError(description: "Cannot open \(path): \(String(cString: strerror(errno))).")
        }
        guard flock(descriptor, LOCK_SH) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw ServingLockError(description: "Cannot lock \(path): \(reason).")
        }
        return ServingLock(descriptor: descriptor)
    }

    /// Whether a server holds the lock for the SQLite file at `databasePath` right now.
    package static func isHeld(forDatabase databasePath: String) -> Bool {
        let path = DataDirectory.servingLock(forDatabase: databasePath)
        // Read-only is enough to ask, and works when the server runs as another user.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }  // No server ever ran here.
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { return errno == EWOULDBLOCK }
        flock(descriptor, LOCK_UN)
        return false
    }
}

package struct ServingLockError: Error, CustomStringConvertible {
    package let description: String
}
