import Foundation

/// The one way the newsroom writes a time, in and out: `2026-12-03 09:30`, in the site's time zone.
/// People may also type `now`, `today 18:00`, `tomorrow 09:00` or `tomorrow`; the field shows back what they
/// typed until the save, then the time it meant, in the one format.
package struct NewsroomTime: Sendable {
    package let timeZone: TimeZone

    package init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// The example the fields show.
    package static let example = "2026-12-03 09:30"

    /// `2026-12-03 09:30` for `date` in the site's time zone.
    package func text(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1,
            parts.hour ?? 0, parts.minute ?? 0)
    }

    /// The time a person typed, or nil when it cannot be read. `now` is when the form is read.
    package func parse(_ typed: String, now: Date) -> Date? {
        let text = typed.trimmingCharacters(in: .whitespaces).lowercased()
        if text == "now" { return now }
        for (word, days) in [("today", 0), ("tomorrow", 1)] where text.hasPrefix(word) {
            let rest = text.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
            let (hour, minute): (Int, Int)
            if rest.isEmpty {
                guard days == 1 else { return nil }
                (hour, minute) = (9, 0)
            } else {
                guard let clock = Self.clockTime(rest.hasPrefix("at ") ? String(rest.dropFirst(3)) : rest) else {
                    return nil
                }
                (hour, minute) = clock
            }
            guard let day = calendar.date(byAdding: .day, value: days, to: calendar.startOfDay(for: now)) else {
                return nil
            }
            return calendar.date(bySettingHour: hour, minute: minute, second: 0, of: day)
        }
        return FlexibleDate.parse(typed.trimmingCharacters(in: .whitespaces), timeZone: timeZone)
    }

    /// "09:30", "9:30", "18:00" as hour and minute.
    private static func clockTime(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), parts[1].count == 2,
            (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return (hour, minute)
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// How the newsroom names the zone: "Europe/Paris", and "UTC" rather than Foundation's "GMT".
    package var zoneName: String {
        timeZone.secondsFromGMT() == 0 && timeZone.identifier == "GMT" ? "UTC" : timeZone.identifier
    }
}
