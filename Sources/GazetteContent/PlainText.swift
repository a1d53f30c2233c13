/// The text a person reads in a piece of HTML, for places that hold plain text: headlines and reader
/// comments brought from another platform, which stored them with markup and character references.
public enum PlainText {
    /// Tags removed, references decoded (`&amp;` → `&`), line breaks and paragraph ends kept as newlines,
    /// script and style content dropped. Runs of blank lines fold into one and the ends are trimmed.
    public static func fromHTML(_ html: String) -> String {
        guard html.utf8.contains(where: { $0 == HTMLByte.lessThan || $0 == HTMLByte.ampersand }) else {
            return html.trimmingSpaces()
        }
        var tokenizer = HTMLTokenizer(bytes: Array(html.utf8))
        var text = ""
        // The line break a `<br>` makes is often written out after it too (`<br />\n`): it counts once.
        var afterBreak = false
        while let token = tokenizer.next() {
            let wasAfterBreak = afterBreak
            afterBreak = false
            switch token {
            case .text(let range):
                var decoded = HTMLEntities.decode(tokenizer.bytes[range])
                if wasAfterBreak, decoded.hasPrefix("\n") { decoded.removeFirst() }
                text += decoded
            case .startTag(let tag):
                if tag.name == "br" {
                    text += "\n"
                    afterBreak = true
                } else if SanitizedHTMLWriter.rawTextElements.contains(tag.name) {
                    tokenizer.skipRawText(of: tag.name)
                } else if paragraphElements.contains(tag.name) {
                    text += "\n\n"
                }
            case .endTag(let name):
                if paragraphElements.contains(name) { text += "\n\n" }
            }
        }
        return foldBlankLines(text)
    }

    /// Elements that start and end a paragraph of text.
    private static let paragraphElements: Set<String> = [
        "p", "div", "blockquote", "li", "ul", "ol", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr",
    ]

    private static func foldBlankLines(_ text: String) -> String {
        var lines: [Substring] = []
        var blank = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let isBlank = line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
            if isBlank {
                blank = !lines.isEmpty
                continue
            }
            if blank { lines.append("") }
            blank = false
            lines.append(line)
        }
        return lines.joined(separator: "\n").trimmingSpaces()
    }
}

extension StringProtocol {
    fileprivate func trimmingSpaces() -> String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
