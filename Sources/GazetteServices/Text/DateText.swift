import Foundation

/// Dates as readers see them ("29 November 2026") and as machines read them (ISO 8601).
public struct DateText: Sendable {
    public let timeZone: TimeZone
    private let calendar: Calendar

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    public func long(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return "\(parts.day ?? 1) \(Self.monthName(parts.month ?? 1)) \(parts.year ?? 1970)"
    }

    public func longWithTime(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        return "\(long(date)) at \(time)"
    }

    /// `2026-11-29T08:30:00Z`, or with the site's offset.
    public func iso(_ date: Date) -> String {
        var style = Date.ISO8601FormatStyle(timeZone: timeZone)
        style = style.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .colon)
        return date.formatted(style)
    }

    public static func monthName(_ month: Int) -> String {
        monthNames[max(1, min(12, month)) - 1]
    }
}
