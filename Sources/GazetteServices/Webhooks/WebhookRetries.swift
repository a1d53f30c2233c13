import Foundation

/// When a failed delivery is tried again: after each wait in turn, the last one repeating, until the
/// delivery is a day old (`triesFor`); then it is marked failed. Tests shorten both.
package struct WebhookRetries: Sendable, Equatable {
    /// Seconds to wait after the first, second… failed attempt; the last repeats.
    package var waits: [TimeInterval]
    /// How long after it was queued a delivery is given up.
    package var triesFor: TimeInterval

    package init(waits: [TimeInterval], triesFor: TimeInterval = 86_400) {
        self.waits = waits.isEmpty ? [3_600] : waits
        self.triesFor = triesFor
    }

    /// 30 s, 2 min, 10 min, 30 min, 1 h, then hourly, for a day.
    package static let standard = WebhookRetries(waits: [30, 120, 600, 1_800, 3_600])

    /// When to try again after `attempts` attempts have failed; nil when the next try would come after
    /// `giveUpAt`.
    package func next(after attempts: Int, now: Date, giveUpAt: Date) -> Date? {
        let wait = waits[min(max(attempts, 1), waits.count) - 1]
        let next = now.addingTimeInterval(wait)
        return next <= giveUpAt ? next : nil
    }

    /// Parses "30,120,600" (seconds), as `GAZETTE_WEBHOOK_RETRIES` gives it; nil when it does not read.
    package static func parse(_ text: String) -> WebhookRetries? {
        let waits = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !waits.isEmpty, waits.allSatisfy({ ($0 ?? 0) > 0 && ($0 ?? 0) <= 86_400 }) else { return nil }
        return WebhookRetries(waits: waits.compactMap { $0 })
    }
}
