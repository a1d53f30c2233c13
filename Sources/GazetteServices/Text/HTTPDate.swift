import Foundation

/// Dates in HTTP headers (`Last-Modified`, `Expires`): `Sun, 29 Nov 2026 09:30:00 GMT`.
package enum HTTPDate {
    package static func string(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "GMT")!
        let p = calendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let day = days[(p.weekday ?? 1) - 1]
        let month = months[(p.month ?? 1) - 1]
        let time = String(format: "%02d:%02d:%02d", p.hour ?? 0, p.minute ?? 0, p.second ?? 0)
        return "\(day), " + String(format: "%02d", p.day ?? 1) + " \(month) " + String(format: "%04d", p.year ?? 1970)
            + " \(time) GMT"
    }

    /// Reads the IMF-fixdate form (`Sun, 29 Nov 2026 09:30:00 GMT`); nil for anything else.
    package static func parse(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.date(from: text.trimmingCharacters(in: .whitespaces))
    }
}
