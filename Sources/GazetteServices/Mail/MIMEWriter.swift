import Foundation

/// Writes a `MailMessage` as an Internet message (RFC 5322 with MIME): CRLF line ends, headers in any
/// script as RFC 2047 encoded words, bodies in quoted-printable UTF-8 (lines under 78 characters, so any
/// server takes them), text and HTML as `multipart/alternative`.
package enum MIMEWriter {
    /// The message's bytes. `id` and `date` are given by the caller so one message is written the same way
    /// every time it is sent again.
    package static func write(_ message: MailMessage, id: String, date: Date) -> [UInt8] {
        var lines: [String] = []
        func header(_ name: String, _ value: String) { lines.append(fold(name + ": " + value)) }
        header("From", address(message.from))
        header("To", address(message.to))
        if let replyTo = message.replyTo { header("Reply-To", address(replyTo)) }
        header("Subject", encodedWords(message.subject))
        header("Date", dateText(date))
        header("Message-ID", "<\(id)>")
        header("MIME-Version", "1.0")
        if let unsubscribe = message.unsubscribeURL {
            header("List-Unsubscribe", "<\(unsubscribe)>")
            header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
        }
        for extra in message.headers { header(extra.name, encodedWords(extra.value)) }
        if let html = message.html {
            let boundary = "=_gazette_" + String(id.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }.prefix(24))
            header("Content-Type", "multipart/alternative; boundary=\"\(boundary)\"")
            lines.append("")
            lines.append("This is a message in text and HTML.")
            for (type, body) in [("text/plain", message.text), ("text/html", html)] {
                lines.append("--" + boundary)
                lines.append("Content-Type: \(type); charset=utf-8")
                lines.append("Content-Transfer-Encoding: quoted-printable")
                lines.append("")
                lines.append(quotedPrintable(body))
            }
            lines.append("--" + boundary + "--")
        } else {
            header("Content-Type", "text/plain; charset=utf-8")
            header("Content-Transfer-Encoding", "quoted-printable")
            lines.append("")
            lines.append(quotedPrintable(message.text))
        }
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// `Name <address>`, the name quoted or encoded as it needs.
    static func address(_ mail: MailAddress) -> String {
        guard !mail.name.isEmpty else { return mail.address }
        let plain = mail.name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || " .-'".unicodeScalars.contains($0))
        }
        let name = plain ? "\"\(mail.name)\"" : encodedWords(mail.name)
        return "\(name) <\(mail.address)>"
    }

    /// The text as it is when plain ASCII, else as `=?UTF-8?B?…?=` words of at most 75 characters, split
    /// between characters (never inside one).
    static func encodedWords(_ text: String) -> String {
        let single = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        if single.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 32 && $0.value < 127 }) { return single }
        var words: [String] = []
        var chunk = ""
        // 39 bytes of UTF-8 make 52 base64 characters: with "=?UTF-8?B?" and "?=", 64, so the first word still
        // fits on the header's own line ("Subject: " and 64 make 73).
        for character in single {
            if chunk.utf8.count + String(character).utf8.count > 39 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?" + Data($0.utf8).base64EncodedString() + "?=" }.joined(separator: " ")
    }

    /// A header line folded before 78 characters at spaces (the continuation starts with a space). The
    /// value's first word stays beside the name, even when longer (an address is never split): a fold
    /// right after the colon would leave readers' mail programs a value that starts with a space.
    static func fold(_ line: String) -> String {
        guard line.count > 76 else { return line }
        var out: [String] = []
        var current = ""
        for word in line.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if out.isEmpty && current.hasSuffix(":") && !current.contains(" ") {
                current += " " + word
            } else if current.count + 1 + word.count > 76 {
                out.append(current)
                current = String(word)
            } else {
                current += " " + word
            }
        }
        out.append(current)
        return out.joined(separator: "\r\n ")
    }

    /// Quoted-printable (RFC 2045) of UTF-8 text with its own line breaks kept as CRLF.
    static func quotedPrintable(_ text: String) -> String {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return normalised.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var out = ""
            var width = 0
            let bytes = Array(line.utf8)
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                let literal =
                    (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                    || (byte == UInt8(ascii: " ") && !isLast) || (byte == UInt8(ascii: "\t") && !isLast)
                let piece = literal ? String(UnicodeScalar(byte)) : String(format: "=%02X", byte)
                if width + piece.count > 75 {
                    out += "=\r\n"
                    width = 0
                }
                out += piece
                width += piece.count
            }
            return out
        }.joined(separator: "\r\n")
    }

    /// RFC 5322's date: `Thu, 03 Dec 2026 14:52:21 +0000`.
    static func dateText(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
