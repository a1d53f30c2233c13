import Foundation
import GazetteStorage

/// The daily email to moderators who chose a summary over one email per held comment: once the site's
/// morning has come (08:00 in its time zone), how many comments wait. The outbox's one-per-event rule makes
/// it once a day and person, whichever instance gets there first and however often it is asked.
package final class ModerationSummary: Sendable {
    /// The hour of the site's day it goes out.
    package static let hour = 8
    private let store: StaffNoticeStore
    private let notifier: StaffNotifier
    private let clock: Clock
    private let run = DailyRun(hour: hour)

    package init(store: StaffNoticeStore, notifier: StaffNotifier, clock: Clock) {
        self.store = store
        self.notifier = notifier
        self.clock = clock
    }

    /// Queues today's summary when it is due and not yet done here; returns the day it was queued for.
    @discardableResult
    package func queueIfDue() async throws -> String? {
        let now = clock.now()
        guard let (day, _) = run.due(now: now, timeZone: notifier.mailer.site.current.timeZone) else { return nil }
        try await store.queueSummary(day: day, now: now, writer: notifier.writer)
        run.markDone(day)
        return day
    }
}
