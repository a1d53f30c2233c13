import Foundation

/// The two date styles feeds use: RFC 822 for RSS, RFC 3339 for Atom and JSON Feed; always in UTC.
package enum FeedDates {
    package static func rfc822(_ date: Date) -> String { HTTPDate.string(date) }

    /// "2026-11-29T14:46:04Z". Written by hand from the calendar fields: sitemaps print tens of thousands
    /// of these, and a format style costs several microseconds each.
    package static func rfc3339(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var fields = tm()
        gmtime_r(&seconds, &fields)
        return "\(pad(Int(fields.tm_year) + 1900, 4))-\(pad(Int(fields.tm_mon) + 1))-\(pad(Int(fields.tm_mday)))"
            + "T\(pad(Int(fields.tm_hour))):\(pad(Int(fields.tm_min))):\(pad(Int(fields.tm_sec)))Z"
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
