import Foundation

/// WordPress stores post bodies without `<p>` tags and adds them when it shows a post: blank lines part
/// paragraphs, single line breaks become `<br />`, and block-level elements (lists, tables, headings,
/// figures…) stand on their own. This turns a stored body into the HTML WordPress would have shown, so an
/// imported article reads the same. Text inside `<pre>`, `<script>`, `<style>` and `<textarea>` is left
/// exactly as written.
package enum WordPressParagraphs {
    /// Elements that are never wrapped in a paragraph and never take a `<br />` beside them.
    package static let blockElements = [
        "address", "article", "aside", "blockquote", "caption", "col", "colgroup", "dd", "details", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "iframe", "legend", "li", "main", "map", "math", "menu", "nav", "ol", "option", "p", "pre",
        "section", "select", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ]
    private static let blocks = blockElements.joined(separator: "|")
    /// Elements whose text must not change.
    private static let verbatim = try! NSRegularExpression(
        pattern: #"<(pre|script|style|textarea)(\s[^>]*)?>.*?</\1>"#,
        options: [.caseInsensitive, .dotMatchesLineSeparators])
    private static let blockOpening = try! NSRegularExpression(
        pattern: "(<(?:\(blocks))(?:\\s[^>]*)?/?>)", options: [.caseInsensitive])
    private static let blockClosing = try! NSRegularExpression(
        pattern: "(</(?:\(blocks))>)", options: [.caseInsensitive])
    private static let paragraphBreak = try! NSRegularExpression(pattern: #"\n[ \t]*\n\s*"#)
    private static let leadingBlockTag = try! NSRegularExpression(
        pattern: "^\\s*</?(?:\(blocks))(?:\\s[^>]*)?/?>", options: [.caseInsensitive])
    private static let trailingBlockTag = try! NSRegularExpression(
        pattern: "</?(?:\(blocks))(?:\\s[^>]*)?/?>\\s*$", options: [.caseInsensitive])
    private static let startsWithBlock = try! NSRegularExpression(
        pattern: "^</?(?:\(blocks))[\\s/>]", options: [.caseInsensitive])
    private static let endsWithBlock = try! NSRegularExpression(
        pattern: "</?(?:\(blocks))(?:\\s[^>]*)?/?>$", options: [.caseInsensitive])

    package static func html(_ body: String) -> String {
        var text = body
        if text.utf8.contains(UInt8(ascii: "\r")) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        guard !text.unicodeScalars.allSatisfy(\.properties.isWhitespace) else { return "" }
        return hasBlockTag(text) ? paragraphsWithBlocks(text) : plainParagraphs(text)
    }

    /// The general rules, for bodies with block elements (slower, and such bodies are fewer).
    package static func paragraphsWithBlocks(_ body: String) -> String {
        var text = body
        // Set verbatim elements aside, behind placeholders that look like one block element each.
        var keptAside: [String] = []
        text = replace(verbatim, in: text) { match in
            keptAside.append(match)
            return "<pre data-gazette-kept=\"\(keptAside.count - 1)\" />"
        }
        // Every block element starts and ends a paragraph.
        text = replace(blockOpening, in: text) { "\n\n" + $0 }
        text = replace(blockClosing, in: text) { $0 + "\n\n" }

        var output: [String] = []
        for chunk in split(text) {
            output.append(paragraph(chunk))
        }
        var html = output.joined(separator: "\n")
        for (index, original) in keptAside.enumerated() {
            html = html.replacingOccurrences(of: "<pre data-gazette-kept=\"\(index)\" />", with: original)
        }
        return html
    }

    /// Whether any tag names a block or verbatim element; most posts have none, only inline markup.
    package static func hasBlockTag(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "<") else { continue }
            var cursor = index + 1
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "/") { cursor += 1 }
            var name: [UInt8] = []
            while cursor < bytes.count, name.count <= 10 {
                let lower = bytes[cursor] | 0x20
                let isLetter = lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
                let isDigit = bytes[cursor] >= UInt8(ascii: "0") && bytes[cursor] <= UInt8(ascii: "9")
                guard isLetter || isDigit else { break }
                name.append(isLetter ? lower : bytes[cursor])
                cursor += 1
            }
            if !name.isEmpty, blockAndVerbatimNames.contains(String(decoding: name, as: UTF8.self)) { return true }
        }
        return false
    }

    private static let blockAndVerbatimNames = Set(blockElements + ["pre", "script", "style", "textarea"])

    /// What `paragraphsWithBlocks` makes of a body without block elements, in one pass over its lines:
    /// lines of spaces and tabs part paragraphs, other line breaks become `<br />`, lines lose their spaces.
    package static func plainParagraphs(_ text: String) -> String {
        var paragraphs: [String] = []
        var lines: [Substring] = []
        func endParagraph() {
            if !lines.isEmpty { paragraphs.append("<p>" + lines.joined(separator: "<br />\n") + "</p>") }
            lines = []
        }
        // Split on the newline byte: it is never inside a multi-byte character, and byte splitting is
        // many times cheaper than splitting characters.
        for bytes in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let line = Substring(bytes)
            if line.utf8.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
                endParagraph()
                continue
            }
            let trimmed = trimmingSpaces(line)
            if !trimmed.isEmpty { lines.append(trimmed) }
        }
        endParagraph()
        return paragraphs.joined(separator: "\n")
    }

    /// Trims what `CharacterSet.whitespaces` holds: spaces of every kind (Unicode's Zs) and tabs.
    private static func trimmingSpaces(_ line: Substring) -> Substring {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
        }
        var scalars = line.unicodeScalars
        while let first = scalars.first, isSpace(first) { scalars.removeFirst() }
        while let last = scalars.last, isSpace(last) { scalars.removeLast() }
        return Substring(scalars)
    }

    /// A chunk between blank lines. Block tags at its edges stay outside any paragraph. What lies between
    /// is wrapped in `<p>` unless block tags enclose it on both sides (`<li>one</li>`); its line breaks
    /// become `<br />`, except beside a block tag.
    private static func paragraph(_ chunk: String) -> String {
        var middle = Substring(chunk.trimmingCharacters(in: .whitespacesAndNewlines))
        var leading: [String] = []
        var trailing: [String] = []
        while let tag = firstMatch(leadingBlockTag, in: middle) {
            leading.append(String(middle[tag]).trimmingCharacters(in: .whitespacesAndNewlines))
            middle = middle[tag.upperBound...]
        }
        while !middle.isEmpty, let tag = firstMatch(trailingBlockTag, in: middle) {
            trailing.insert(String(middle[tag]).trimmingCharacters(in: .whitespacesAndNewlines), at: 0)
            middle = middle[..<tag.lowerBound]
        }
        let lines = middle.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var text = ""
        for (index, line) in lines.enumerated() {
            if index > 0 {
                let beside = matches(endsWithBlock, lines[index - 1]) || matches(startsWithBlock, line)
                text += beside ? "\n" : "<br />\n"
            }
            text += line
        }
        if !leading.isEmpty, !trailing.isEmpty, !text.isEmpty {
            // Enclosed text stays on the line of its tags, as written: <li>one</li>.
            return leading.joined() + text + trailing.joined()
        }
        var pieces = leading
        if !text.isEmpty { pieces.append("<p>" + text + "</p>") }
        return (pieces + trailing).joined(separator: "\n")
    }

    private static func firstMatch(_ expression: NSRegularExpression, in text: Substring) -> Range<String.Index>? {
        let string = String(text)
        guard let match = expression.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)),
            let range = Range(match.range, in: string)
        else { return nil }
        let lower = text.index(
            text.startIndex, offsetBy: string.distance(from: string.startIndex, to: range.lowerBound))
        let upper = text.index(lower, offsetBy: string.distance(from: range.lowerBound, to: range.upperBound))
        return lower..<upper
    }

    private static func split(_ text: String) -> [String] {
        let marked = paragraphBreak.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "\u{0}")
        return marked.split(separator: "\u{0}").map(String.init).filter {
            !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
    }

    private static func matches(_ expression: NSRegularExpression, _ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// `text` with every match of `expression` replaced by what `transform` makes of it.
    private static func replace(
        _ expression: NSRegularExpression, in text: String, _ transform: (String) -> String
    ) -> String {
        var result = ""
        var last = text.startIndex
        for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range, in: text) else { continue }
            result += text[last..<range.lowerBound]
            result += transform(String(text[range]))
            last = range.upperBound
        }
        result += text[last...]
        return result
    }
}
