import Foundation
import Gazette
import Synchronization

@testable import GazetteServices
@testable import GazetteWeb

/// A clock tests move by hand, to check time rules such as flood control and the form's minimum delay.
final class ManualClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date) {
        current = Mutex(start)
    }

    func advance(seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    var clock: Clock {
        Clock { [self] in self.current.withLock { $0 } }
    }
}
