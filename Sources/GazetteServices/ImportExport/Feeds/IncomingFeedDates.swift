import Foundation

/// The dates feeds carry: RFC 822 in RSS (`Tue, 05 Mar 2024 08:30:00 GMT`, with the many variations real
/// feeds use) and RFC 3339 in Atom and JSON Feed (`2024-03-05T08:30:00Z`). Unreadable dates are nil.
package enum IncomingFeedDates {
    package static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if let first = trimmed.unicodeScalars.first, CharacterSet.decimalDigits.contains(first),
            let date = rfc3339(trimmed)
        {
            return date
        }
        return rfc822(trimmed)
    }

    /// `2024-03-05T08:30:00Z`, `2024-03-05T08:30:00.123+01:00`, `2024-03-05 08:30:00`, or a bare day.
    package static func rfc3339(_ text: String) -> Date? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= scalars.count else { return nil }
            var value = 0
            for scalar in scalars[index..<index + digits] {
                guard let digit = scalar.properties.numericType != nil ? Int(String(scalar)) : nil else { return nil }
                value = value * 10 + digit
            }
            index += digits
            return value
        }
        func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < scalars.count, scalars[index] == character else { return false }
            index += 1
            return true
        }
        guard let year = number(4), skip("-"), let month = number(2), skip("-"), let day = number(2) else { return nil }
        var hour = 0
        var minute = 0
        var second = 0
        var offset = 0
        if index < scalars.count, scalars[index] == "T" || scalars[index] == "t" || scalars[index] == " " {
            index += 1
            guard let h = number(2), skip(":"), let m = number(2) else { return nil }
            (hour, minute) = (h, m)
            if skip(":"), let s = number(2) { second = s }
            if skip(".") || skip(",") {
                while index < scalars.count, scalars[index].properties.numericType != nil { index += 1 }
            }
            if index < scalars.count {
                let sign = scalars[index]
                if sign == "Z" || sign == "z" {
                    index += 1
                } else if sign == "+" || sign == "-" {
                    index += 1
                    guard let oh = number(2) else { return nil }
                    _ = skip(":")
                    let om = number(2) ?? 0
                    offset = (oh * 3_600 + om * 60) * (sign == "-" ? -1 : 1)
                }
            }
        }
        return date(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
    }

    private static let months = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
        "nov": 11, "dec": 12,
    ]
    private static let zones = [
        "gmt": 0, "ut": 0, "utc": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
        "pst": -8, "pdt": -7, "cet": 1, "cest": 2, "bst": 1,
    ]

    /// `Tue, 05 Mar 2024 08:30:00 GMT`, without the weekday or seconds, with a two-digit year, a numeric
    /// or named zone, or none (taken as UTC).
    package static func rfc822(_ text: String) -> Date? {
        var words = text.lowercased().replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        if let first = words.first, first.count >= 3, first.allSatisfy(\.isLetter),
            months[String(first.prefix(3))] == nil
        {
            words.removeFirst()
        }
        guard words.count >= 3, let day = Int(words[0]), let month = months[String(words[1].prefix(3))],
            var year = Int(words[2])
        else { return nil }
        if year < 100 { year += year < 50 ? 2000 : 1900 }
        var hour = 0
        var minute = 0
        var second = 0
        if words.count > 3 {
            let parts = words[3].split(separator: ":").compactMap { Int($0) }
            guard parts.count >= 2 else { return nil }
            hour = parts[0]
            minute = parts[1]
            second = parts.count > 2 ? parts[2] : 0
        }
        var offset = 0
        if words.count > 4 {
            let zone = words[4]
            if let hours = zones[zone] {
                offset = hours * 3_600
            } else if let sign = zone.first, sign == "+" || sign == "-", let value = Int(zone.dropFirst()) {
                offset = ((value / 100) * 3_600 + (value % 100) * 60) * (sign == "-" ? -1 : 1)
            }
        }
        return date(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
    }

    private static func date(
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offset: Int
    )
        -> Date?
    {
        WordPressDate.seconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second).map {
            Date(timeIntervalSince1970: $0 - Double(offset))
        }
    }
}
