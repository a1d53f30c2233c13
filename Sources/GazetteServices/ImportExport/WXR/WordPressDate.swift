import Foundation

/// WordPress writes dates as `2024-03-05 14:07:00`, once in UTC (`…_gmt`) and once in the site's own
/// time; a post never published has `0000-00-00 00:00:00` in UTC.
package enum WordPressDate {
    /// The moment: from the UTC text when it holds a date, else from the local text in `timeZone`.
    package static func date(gmt: String, local: String, timeZone: TimeZone) -> Date? {
        if let seconds = secondsSinceEpoch(gmt) { return Date(timeIntervalSince1970: seconds) }
        guard let asIfUTC = secondsSinceEpoch(local) else { return nil }
        // The offset at the guessed moment; near a clock change it may be an hour out, as WordPress's own is.
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: asIfUTC))
        return Date(timeIntervalSince1970: asIfUTC - Double(offset))
    }

    /// What WordPress writes for a post never published.
    package static let zero = "0000-00-00 00:00:00"

    /// `YYYY-MM-DD HH:MM:SS` for the moment in `timeZone`, as WordPress writes it.
    package static func text(_ date: Date, timeZone: TimeZone) -> String {
        let offset = timeZone == .gmt ? 0 : timeZone.secondsFromGMT(for: date)
        let seconds = Int((date.timeIntervalSince1970).rounded(.down)) + offset
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        let (year, month, day) = civil(fromDays: days)
        func pad(_ value: Int, _ width: Int = 2) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return
            "\(pad(year, 4))-\(pad(month))-\(pad(day)) \(pad(rest / 3_600)):\(pad(rest % 3_600 / 60)):\(pad(rest % 60))"
    }

    /// The day of the proleptic Gregorian calendar that is `days` after 1970-01-01 (the inverse of
    /// `daysFromCivil`).
    private static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Seconds since 1970 for `YYYY-MM-DD HH:MM:SS` read as UTC; nil for the zero date or other text.
    package static func secondsSinceEpoch(_ text: String) -> Double? {
        let digits = text.utf8.split(whereSeparator: {
            $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "T")
        })
        guard digits.count == 6 || digits.count == 5 else { return nil }
        var numbers: [Int] = []
        for part in digits {
            guard !part.isEmpty, part.count <= 4, part.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            numbers.append(part.reduce(0) { $0 * 10 + Int($1 - 0x30) })
        }
        if numbers.count == 5 { numbers.append(0) }
        let (year, month, day, hour, minute, second) = (
            numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5]
        )
        return seconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// Seconds since 1970 for a time of day read as UTC; nil when a field is out of its range.
    package static func seconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Double? {
        guard (1...9_999).contains(year), (1...12).contains(month), (1...31).contains(day), (0..<24).contains(hour),
            (0..<60).contains(minute), (0..<61).contains(second)
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Double(days * 86_400 + hour * 3_600 + minute * 60 + second)
    }

    /// Days from 1970-01-01 to a day of the proleptic Gregorian calendar (the well-known civil algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
