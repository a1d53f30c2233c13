import Foundation

/// WordPress writes dates as `2024-03-05 14:07:00`, once in UTC (`…_gmt`) and once in the site's own
/// time; a post never published has `0000-00-00 00:00:00` in UTC.
enum WordPressDate {
    /// The moment: from the UTC text when it holds a date, else from the local text in `timeZone`.
    static func date(gmt: String, local: String, timeZone: TimeZone) -> Date? {
        if let seconds = secondsSinceEpoch(gmt) { return Date(timeIntervalSince1970: seconds) }
        guard let asIfUTC = secondsSinceEpoch(local) else { return nil }
        // The offset at the guessed moment; near a clock change it may be an hour out, as WordPress's own is.
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: asIfUTC))
        return Date(timeIntervalSince1970: asIfUTC - Double(offset))
    }

    /// Seconds since 1970 for `YYYY-MM-DD HH:MM:SS` read as UTC; nil for the zero date or other text.
    static func secondsSinceEpoch(_ text: String) -> Double? {
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
        guard year >= 1, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
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
