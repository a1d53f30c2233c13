import Foundation
import GazetteStorage
import Synchronization

/// The daily email to moderators who chose a summary over one email per held comment: once the site's
/// morning has come (08:00 in its time zone), how many comments wait. The outbox's one-per-event rule makes
/// it once a day and person, whichever instance gets there first and however often it is asked.
package final class ModerationSummary: Sendable {
    /// The hour of the site's day it goes out.
    package static let hour = 8
    private let store: StaffNoticeStore
    private let notifier: StaffNotifier
    private let clock: Clock
    /// The last day this process queued it, so the other calls that day cost nothing.
    private let lastDay = Mutex<String?>(nil)

    package init(store: StaffNoticeStore, notifier: StaffNotifier, clock: Clock) {
        self.store = store
        self.notifier = notifier
        self.clock = clock
    }

    /// Queues today's summary when it is due and not yet done here; returns the day it was queued for.
    @discardableResult
    package func queueIfDue() async throws -> String? {
        let now = clock.now()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = notifier.mailer.site.current.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour], from: now)
        guard let hour = parts.hour, hour >= Self.hour else { return nil }
        let day = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        guard lastDay.withLock({ $0 }) != day else { return nil }
        try await store.queueSummary(day: day, now: now, writer: notifier.writer)
        lastDay.withLock { $0 = day }
        return day
    }
}
