import Synchronization

/// One render per missing page: when many readers ask for a page that is not in the cache (just after a
/// change, or at start-up), the first renders it and the others wait for that answer instead of all
/// rendering the same page at once, which would make every one of them slow.
public final class MissCoalescer: Sendable {
    public enum Turn: Sendable {
        /// Nobody is rendering this page: render it, then call `finish`.
        case render
        /// Another request rendered it: its entry when it could be kept (it is as fresh as the cache), or nil
        /// when the caller must render for itself (an answer that is not cached, an error, a change meanwhile).
        case waited(PageCache.Entry?)
    }

    private let waiting = Mutex<[String: [CheckedContinuation<PageCache.Entry?, Never>]]>([:])

    public init() {}

    public func join(_ key: String) async -> Turn {
        let first = waiting.withLock { table in
            guard table[key] == nil else { return false }
            table[key] = []
            return true
        }
        if first { return .render }
        let entry = await withCheckedContinuation { continuation in
            let finished = waiting.withLock { table in
                guard table[key] != nil else { return true }
                table[key]!.append(continuation)
                return false
            }
            // The render ended between the two steps: nothing to hand over.
            if finished { continuation.resume(returning: nil) }
        }
        return .waited(entry)
    }

    /// How many requests wait for the render of `key`.
    public func waiting(for key: String) -> Int {
        waiting.withLock { $0[key]?.count ?? 0 }
    }

    /// Ends the render that `join` gave this caller, handing `entry` (nil: nothing usable) to those waiting.
    public func finish(_ key: String, with entry: PageCache.Entry?) {
        let waiters = waiting.withLock { $0.removeValue(forKey: key) } ?? []
        for waiter in waiters { waiter.resume(returning: entry) }
    }
}
