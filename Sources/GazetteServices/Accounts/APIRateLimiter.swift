import Foundation
import Synchronization

/// How many Admin API calls a token may make a minute, counted per instance in memory (a write per call to
/// share the count would cost more than the limit protects); with several instances a token gets at most
/// this many per instance.
public final class APIRateLimiter: Sendable {
    public let limit: Int
    public let window: TimeInterval
    private let windows = Mutex<[Int64: (start: Date, count: Int)]>([:])

    public init(limit: Int, window: TimeInterval = 60) {
        self.limit = limit
        self.window = window
    }

    /// One call's standing: whether it may go on, what is left, and seconds until the window starts again.
    public struct Verdict: Sendable, Equatable {
        public let allowed: Bool
        public let limit: Int
        public let remaining: Int
        public let resetSeconds: Int
    }

    /// Counts a call of token `id` at `now`.
    public func count(_ id: Int64, now: Date) -> Verdict {
        windows.withLock { windows in
            if windows.count > 10_000 { windows = windows.filter { now.timeIntervalSince($0.value.start) < window } }
            var current = windows[id] ?? (now, 0)
            if now.timeIntervalSince(current.start) >= window { current = (now, 0) }
            let allowed = current.count < limit
            if allowed { current.count += 1 }
            windows[id] = current
            let reset = max(1, Int((window - now.timeIntervalSince(current.start)).rounded(.up)))
            return Verdict(
                allowed: allowed, limit: limit, remaining: max(0, limit - current.count), resetSeconds: reset)
        }
    }
}
