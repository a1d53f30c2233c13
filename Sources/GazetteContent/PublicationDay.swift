import Foundation

/// The calendar day an article belongs to, in the site's time zone; part of its address.
public struct PublicationDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Accepts only real dates (no 31 April, no 29 February outside leap years).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= PublicationDay.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public init(date: Date, timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.year = parts.year ?? 1970
        self.month = parts.month ?? 1
        self.day = parts.day ?? 1
    }

    /// Parses the stored form, `2026-11-29`.
    public init?(isoDate text: String) {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        self.init(year: parts[0], month: parts[1], day: parts[2])
    }

    /// `2026-11-29`: sorts like the date it names.
    public var isoDate: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }

    public var description: String { isoDate }

    /// `yyyy/mm/dd`, as article addresses carry the day (DESIGN.md §2).
    public var pathSegments: String { "\(Self.pad(year, 4))/\(Self.pad(month))/\(Self.pad(day))" }

    public static func < (lhs: PublicationDay, rhs: PublicationDay) -> Bool { lhs.isoDate < rhs.isoDate }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// A number with leading zeros, as dates in addresses use them.
    public static func pad(_ number: Int, _ width: Int = 2) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
