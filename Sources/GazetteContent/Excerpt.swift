/// Builds the short teaser shown in lists when an editor wrote none.
public enum Excerpt {
    public static let defaultLength = 240

    /// The first paragraph of prose, stripped of Markdown markup and cut at a word boundary.
    public static func fromMarkdown(_ markdown: String, maxLength: Int = defaultLength) -> String {
        let paragraphs = markdown.components(separatedBy: "\n\n")
        let prose =
            paragraphs.first { paragraph in
                let trimmed = paragraph.trimmingCharacters(in: .whitespacesAndNewlines)
                return !trimmed.isEmpty && !["#", "!", "<", "|", "```", "---", ">"].contains { trimmed.hasPrefix($0) }
            } ?? ""
        return shorten(plainText(withoutTags(prose)), to: maxLength)
    }

    /// Inline HTML in the paragraph (`<em>`, `<img …>`) is markup, not words: a teaser is plain text, and
    /// whoever shows it must never meet a tag in it.
    private static func withoutTags(_ text: String) -> String {
        text.replacingOccurrences(of: "<[A-Za-z/!?][^<>]*>", with: "", options: .regularExpression)
    }

    /// Cuts text at the last whole word that fits and adds an ellipsis.
    public static func shorten(_ text: String, to maxLength: Int) -> String {
        guard text.count > maxLength else { return text }
        var cut = String(text.prefix(maxLength))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        while let last = cut.last, last.isPunctuation { cut.removeLast() }
        return cut + "…"
    }

    private static func plainText(_ markdown: String) -> String {
        var text = ""
        var skippingLinkTarget = false
        var previous: Character = " "
        for character in markdown {
            if skippingLinkTarget {
                if character == ")" { skippingLinkTarget = false }
                continue
            }
            switch character {
            case "*", "_", "`", "[": continue
            case "]": previous = character
            case "(" where previous == "]": skippingLinkTarget = true
            case "\n", "\t": if text.last != " " { text.append(" ") }
            default: text.append(character)
            }
            if character != "]" { previous = character }
        }
        return text.trimmingCharacters(in: .whitespaces)
    }
}
