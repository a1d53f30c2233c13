import Foundation

/// Dates as WordPress writes them in its API: `2026-11-28T21:06:40`, no offset; `date` in the site's time
/// zone, `date_gmt` in UTC.
struct WPDates: Sendable {
    let timeZone: TimeZone

    func local(_ date: Date) -> String { Self.format(date, in: timeZone) }

    func gmt(_ date: Date) -> String { Self.format(date, in: TimeZone(identifier: "UTC")!) }

    private static func format(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String {
            let value = value ?? 0
            return value < 10 ? "0\(value)" : String(value)
        }
        let year = String(parts.year ?? 1970)
        let paddedYear = String(repeating: "0", count: max(0, 4 - year.count)) + year
        return "\(paddedYear)-\(two(parts.month))-\(two(parts.day))T\(two(parts.hour)):\(two(parts.minute)):"
            + two(parts.second)
    }
}
