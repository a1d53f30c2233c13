import Foundation
import Synchronization

/// At most `limit` requests per key (a client address) in a sliding `window`, counted in this process's
/// memory: enough to stop one client flooding strangers' inboxes with confirmation emails, without a write
/// per request. Each instance counts its own; the per-address hourly limit in the outbox holds across all.
package final class RequestLimiter: Sendable {
    package let limit: Int
    package let window: TimeInterval
    private let seen = Mutex<[String: [Date]]>([:])

    package init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Records a request from `key` at `now`; false when it is one too many.
    package func allow(_ key: String, now: Date) -> Bool {
        seen.withLock { seen in
            let since = now.addingTimeInterval(-window)
            if seen.count > 10_000 { seen = seen.filter { $0.value.contains { $0 > since } } }
            var times = (seen[key] ?? []).filter { $0 > since }
            guard times.count < limit else {
                seen[key] = times
                return false
            }
            times.append(now)
            seen[key] = times
            return true
        }
    }
}
