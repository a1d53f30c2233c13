import Atomics
import Foundation
import Synchronization

/// A change counter that every Gazette process on one machine shares through a small memory-mapped
/// file beside the SQLite database, so a `gazette` command's change reaches the running server's page
/// cache before the command returns, at the cost of one memory read per cached answer.
///
/// Each process counts its own changes too, so it can tell them from other processes' changes: its own
/// are already applied precisely (one article's comments), and only foreign ones empty its cache.
public final class SharedChangeCounter: @unchecked Sendable {
    // The mapping lives as long as the process; the counter is read and written with atomic instructions
    // only, which is what makes the unchecked Sendable sound.
    private let counter: UnsafeAtomic<UInt64>
    /// The shared value this process has accounted for.
    private let seen: Mutex<UInt64>

    /// Maps `path`, creating it (eight zero bytes) when missing.
    public init(path: String) throws {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SharedCounterError(path: path, errorNumber: errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw SharedCounterError(path: path, errorNumber: errno) }
        if status.st_size < 8, ftruncate(descriptor, 8) != 0 {
            throw SharedCounterError(path: path, errorNumber: errno)
        }
        guard let memory = mmap(nil, 8, PROT_READ | PROT_WRITE, MAP_SHARED, descriptor, 0), memory != MAP_FAILED
        else { throw SharedCounterError(path: path, errorNumber: errno) }
        counter = UnsafeAtomic(at: memory.bindMemory(to: UnsafeAtomic<UInt64>.Storage.self, capacity: 1))
        seen = Mutex(counter.load(ordering: .acquiring))
    }

    /// Records a change made by this process.
    public func bump() {
        let value = counter.wrappingIncrementThenLoad(ordering: .acquiringAndReleasing)
        seen.withLock { seen in
            // Only when nothing foreign came in between; otherwise the next check must still see it.
            if seen &+ 1 == value { seen = value }
        }
    }

    /// True, once, when another process changed content since the last call.
    public func foreignChange() -> Bool {
        let value = counter.load(ordering: .acquiring)
        return seen.withLock { seen in
            guard seen != value else { return false }
            seen = value
            return true
        }
    }
}

public struct SharedCounterError: Error, CustomStringConvertible {
    public let path: String
    public let errorNumber: Int32
    public var description: String {
        "Gazette could not share its change counter through \(path): \(String(cString: strerror(errorNumber)))."
    }
}
