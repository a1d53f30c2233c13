import Foundation

/// The two date styles feeds use: RFC 822 for RSS, RFC 3339 for Atom and JSON Feed; always in UTC.
enum FeedDates {
    static func rfc822(_ date: Date) -> String { HTTPDate.string(date) }

    static func rfc3339(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }
}
