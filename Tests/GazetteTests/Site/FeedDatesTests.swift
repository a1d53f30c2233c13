import Foundation
import Testing

@testable import Gazette
@testable import GazetteServices
@testable import GazetteWeb

@Suite("Feed dates")
struct FeedDatesTests {
    @Test("RFC 3339 dates are UTC, zero-padded, whole seconds, also far from today")
    func rfc3339() {
        #expect(FeedDates.rfc3339(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(FeedDates.rfc3339(Date(timeIntervalSince1970: 1_796_053_564.9)) == "2026-11-30T15:46:04Z")
        #expect(FeedDates.rfc3339(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
        #expect(FeedDates.rfc3339(Date(timeIntervalSince1970: -86_400)) == "1969-12-31T00:00:00Z")
    }
}
