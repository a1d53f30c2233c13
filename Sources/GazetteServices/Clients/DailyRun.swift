import Foundation
import Synchronization

/// Work done once a day once the site's clock has passed an hour (the moderators' summary, the digest):
/// which day it is there, and whether this process has done that day already, so the calls in between
/// (every couple of seconds) cost no database write. Across processes the outbox's or the newsletters'
/// one-per-day keys keep it to once.
package final class DailyRun: Sendable {
    package let hour: Int
    private let lastDay = Mutex<String?>(nil)

    package init(hour: Int) {
        self.hour = hour
    }

    /// The site's day (`2026-12-03`) and weekday (1 for Sunday … 7) when `now` is past the hour there and
    /// this process has not marked that day done; nil otherwise.
    package func due(now: Date, timeZone: TimeZone) -> (day: String, weekday: Int)? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .weekday], from: now)
        guard let hour = parts.hour, hour >= self.hour else { return nil }
        let day = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        guard lastDay.withLock({ $0 }) != day else { return nil }
        return (day, parts.weekday ?? 0)
    }

    package func markDone(_ day: String) {
        lastDay.withLock { $0 = day }
    }
}
