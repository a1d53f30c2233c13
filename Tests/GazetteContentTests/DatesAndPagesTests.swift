import Foundation
import GazetteContent
import Testing

@Suite("Dates and pages")
struct DatesAndPagesTests {
    @Test("impossible calendar days are refused")
    func impossibleDays() {
        #expect(PublicationDay(year: 2026, month: 2, day: 29) == nil)
        #expect(PublicationDay(year: 2024, month: 2, day: 29) != nil)
        #expect(PublicationDay(year: 2026, month: 4, day: 31) == nil)
        #expect(PublicationDay(year: 2026, month: 13, day: 1) == nil)
        #expect(PublicationDay(year: 2026, month: 0, day: 1) == nil)
        #expect(PublicationDay(year: 1900, month: 2, day: 29) == nil)
    }

    @Test("the day follows the site's time zone")
    func timeZones() {
        let instant = Date(timeIntervalSince1970: 1_795_997_000)  // 2026-11-30 00:03 UTC
        #expect(PublicationDay(date: instant, timeZone: TimeZone(identifier: "UTC")!).isoDate == "2026-11-30")
        #expect(
            PublicationDay(date: instant, timeZone: TimeZone(identifier: "America/New_York")!).isoDate == "2026-11-29")
    }

    @Test("a month archive spans exactly that month")
    func periodBounds() {
        let utc = TimeZone(identifier: "UTC")!
        let bounds = ArchivePeriod(year: 2024, month: 2)!.bounds(in: utc)
        #expect(bounds.end.timeIntervalSince(bounds.start) == 29 * 86_400)
        #expect(ArchivePeriod(year: 2024, month: 13) == nil)
    }

    @Test(
        "page numbers are digits from 1; zero, negatives, huge and junk are no page",
        arguments: [
            "0", "-1", "abc", "1e3", "1000000000000", "", "٣", "2 ",
        ])
    func badPageNumbers(segment: String) {
        #expect(PageRequest(segment: segment, size: 10) == nil)
    }

    @Test("a page knows its neighbours")
    func pager() {
        let request = PageRequest(number: 2, size: 10)!
        let page = Page(items: [Int](), request: request, totalItems: 25)
        #expect(page.totalPages == 3)
        #expect(page.hasPrevious && page.hasNext)
        #expect(request.offset == 10)
        #expect(!Page(items: [Int](), request: PageRequest(number: 4, size: 10)!, totalItems: 25).exists)
        #expect(Page(items: [Int](), request: PageRequest(number: 1, size: 10)!, totalItems: 0).exists)
    }
}
