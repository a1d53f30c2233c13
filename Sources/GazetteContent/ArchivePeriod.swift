import Foundation

/// A year or a month of a date archive, as a half-open range of instants in the site's time zone.
public struct ArchivePeriod: Sendable, Hashable {
    public let year: Int
    public let month: Int?

    public init?(year: Int, month: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        self.year = year
        self.month = month
    }

    /// The period's first day as stored (`2026-11-01`), matching articles' publication days.
    public var firstDay: String {
        "\(PublicationDay.pad(year, 4))-\(PublicationDay.pad(month ?? 1, 2))-01"
    }

    /// The first day after the period (`2026-12-01`).
    public var dayAfter: String {
        guard let month else { return "\(PublicationDay.pad(year + 1, 4))-01-01" }
        return month == 12
            ? "\(PublicationDay.pad(year + 1, 4))-01-01"
            : "\(PublicationDay.pad(year, 4))-\(PublicationDay.pad(month + 1, 2))-01"
    }

    /// The first instant of the period and the first instant after it.
    public func bounds(in timeZone: TimeZone) -> (start: Date, end: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let start = calendar.date(from: DateComponents(year: year, month: month ?? 1, day: 1)) ?? .distantPast
        let end = calendar.date(byAdding: month == nil ? .year : .month, value: 1, to: start) ?? .distantFuture
        return (start, end)
    }
}
