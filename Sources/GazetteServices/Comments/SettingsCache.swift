import Foundation
import GazetteContent
import Synchronization

/// Keeps the comment settings for a second, so a burst of comments reads them once. A change made through
/// this instance clears it at once; one made through another instance is seen within the second.
package final class SettingsCache: Sendable {
    package static let lifetime: TimeInterval = 1
    private let entry = Mutex<(settings: CommentSettings, readAt: Date)?>(nil)

    package func value(at now: Date) -> CommentSettings? {
        entry.withLock { entry in
            guard let entry, now.timeIntervalSince(entry.readAt) < Self.lifetime, now >= entry.readAt else {
                return nil
            }
            return entry.settings
        }
    }

    package func store(_ settings: CommentSettings, at now: Date) {
        entry.withLock { $0 = (settings, now) }
    }

    package func clear() {
        entry.withLock { $0 = nil }
    }
}
