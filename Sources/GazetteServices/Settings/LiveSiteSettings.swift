import Foundation
import GazetteContent
import Synchronization

/// The site's identity as it is now, read by every page. A change made through this instance shows at once;
/// `gazette serve` re-reads the stored values regularly, so other instances follow within a minute.
public final class LiveSiteSettings: Sendable {
    private let state: Mutex<(identity: SiteIdentity, dates: DateText)>

    public init(_ identity: SiteIdentity) {
        state = Mutex((identity, DateText(timeZone: identity.timeZone)))
    }

    public var current: SiteIdentity { state.withLock { $0.identity } }

    /// Dates in the site's time zone.
    public var dates: DateText { state.withLock { $0.dates } }

    /// Returns whether anything changed.
    @discardableResult
    package func replace(with identity: SiteIdentity) -> Bool {
        state.withLock { state in
            guard state.identity != identity else { return false }
            state = (identity, DateText(timeZone: identity.timeZone))
            return true
        }
    }
}
