import Foundation
import GazetteContent

/// Turns a reader's plain-text comment into safe HTML: everything escaped, paragraphs and line breaks kept,
/// web addresses made into links marked `rel="nofollow ugc"`. No HTML the reader wrote ever survives.
public enum CommentText {
    public static func html(_ text: String) -> String {
        // Swift string scans rather than Foundation's: on a page of comments, Foundation's searching,
        // trimming and splitting took a third of the render.
        let text = text.utf8.contains(UInt8(ascii: "\r")) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        var html = ""
        for block in pieces(of: text[...], between: [0x0A, 0x0A]) {
            let paragraph = trimmed(block)
            guard !paragraph.isEmpty else { continue }
            if !html.isEmpty { html += "\n" }
            html += "<p>"
            for (number, line) in pieces(of: paragraph, between: [0x0A]).enumerated() {
                if number > 0 { html += "<br>\n" }
                html += linkify(String(line))
            }
            html += "</p>"
        }
        return html
    }

    /// The parts of `text` between occurrences of `separator` (ASCII bytes), empty parts included.
    private static func pieces(of text: Substring, between separator: [UInt8]) -> [Substring] {
        let bytes = text.utf8
        var parts: [Substring] = []
        var start = bytes.startIndex
        var searchFrom = start
        while let found = bytes[searchFrom...].firstIndex(of: separator[0]) {
            if bytes[found...].starts(with: separator) {
                parts.append(text[start..<found])
                start = bytes.index(found, offsetBy: separator.count)
                searchFrom = start
            } else {
                searchFrom = bytes.index(after: found)
            }
        }
        parts.append(text[start...])
        return parts
    }

    /// Without white space (Unicode's, line breaks included) at either end.
    private static func trimmed(_ text: Substring) -> Substring {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return Substring(scalars[first...last])
    }

    /// Escapes a line and turns `http(s)://…` and `www.…` runs into links. The text between links is escaped
    /// in whole runs; only an `h` or a `w` can start a link, so only there is a link looked for.
    package static func linkify(_ line: String) -> String {
        var output = ""
        var plainStart = line.startIndex
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if character == "h" || character == "H" || character == "w" || character == "W",
                let end = linkEnd(in: line, at: index),
                case let raw = String(line[index..<end]),
                case let href = raw.lowercased().hasPrefix("www.") ? "https://" + raw : raw,
                WebAddress.isHTTP(href)
            {
                output += HTMLText.escape(String(line[plainStart..<index]))
                output += #"<a href="\#(HTMLText.escape(href))" rel="nofollow ugc">\#(HTMLText.escape(raw))</a>"#
                index = end
                plainStart = end
            } else {
                index = line.index(after: index)
            }
        }
        output += HTMLText.escape(String(line[plainStart...]))
        return output
    }

    /// Where a link starting at `index` ends, or nil when no link starts there.
    private static func linkEnd(in line: String, at index: String.Index) -> String.Index? {
        if index > line.startIndex {
            let before = line[line.index(before: index)]
            if before.isLetter || before.isNumber || before == "/" || before == "." || before == "@" { return nil }
        }
        let rest = line[index...].prefix(8).lowercased()
        guard rest.hasPrefix("http://") || rest.hasPrefix("https://") || rest.hasPrefix("www.") else { return nil }
        var end = index
        while end < line.endIndex, !line[end].isWhitespace, !"<>\"'`".contains(line[end]) {
            end = line.index(after: end)
        }
        // Trailing punctuation belongs to the sentence, not the address.
        while end > index, ".,;:!?)]}".contains(line[line.index(before: end)]) {
            let last = line[line.index(before: end)]
            if last == ")" && line[index..<end].contains("(") { break }
            end = line.index(before: end)
        }
        let minimum = rest.hasPrefix("www.") ? 5 : 9
        return line.distance(from: index, to: end) >= minimum ? end : nil
    }
}
