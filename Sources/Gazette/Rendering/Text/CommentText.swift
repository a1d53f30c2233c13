import GazetteContent

/// Turns a reader's plain-text comment into safe HTML: everything escaped, paragraphs and line breaks kept,
/// web addresses made into links marked `rel="nofollow ugc"`. No HTML the reader wrote ever survives.
public enum CommentText {
    public static func html(_ text: String) -> String {
        let paragraphs = text.replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        return paragraphs.map { paragraph in
            let lines = paragraph.components(separatedBy: "\n").map(linkify)
            return "<p>" + lines.joined(separator: "<br>\n") + "</p>"
        }.joined(separator: "\n")
    }

    /// Escapes a line and turns `http(s)://…` and `www.…` runs into links.
    static func linkify(_ line: String) -> String {
        var output = ""
        var index = line.startIndex
        while index < line.endIndex {
            if let end = linkEnd(in: line, at: index),
                case let raw = String(line[index..<end]),
                case let href = raw.lowercased().hasPrefix("www.") ? "https://" + raw : raw,
                WebAddress.isHTTP(href)
            {
                output += #"<a href="\#(HTMLText.escape(href))" rel="nofollow ugc">\#(HTMLText.escape(raw))</a>"#
                index = end
            } else {
                output += HTMLText.escape(String(line[index]))
                index = line.index(after: index)
            }
        }
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
