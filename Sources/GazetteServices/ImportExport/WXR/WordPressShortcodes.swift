import Foundation

/// WordPress shortcodes in a stored body, turned into the HTML they stand for: `[caption]` becomes a
/// figure with its caption, `[gallery]` a figure of the export's images, `[embed]` a plain link (no third
/// party's player is loaded). Any other shortcode stays in the text as written, and its name is reported,
/// so nothing is silently lost. `[[name]]` is WordPress's way of writing a shortcode as text.
package struct WordPressShortcodes {
    package struct Result: Equatable {
        package var html: String
        /// Names of shortcodes left as text, for the import report.
        package var unknown: Set<String> = []
    }

    /// Addresses of the export's attachments by their WordPress id, for `[gallery ids="…"]`.
    package var attachments: [String: String] = [:]

    package func html(_ body: String) -> Result {
        var result = Result(html: "")
        var rest = Substring(body)
        while let open = rest.firstIndex(of: "[") {
            result.html += rest[..<open]
            rest = rest[open...]
            // [[caption]]: the shortcode's own text, brackets and all but the outer pair.
            if rest.hasPrefix("[["), let close = rest.range(of: "]]") {
                result.html += rest[rest.index(after: rest.startIndex)..<rest.index(before: close.upperBound)]
                rest = rest[close.upperBound...]
                continue
            }
            guard let tag = Tag(parsing: rest) else {
                result.html += "["
                rest = rest.dropFirst()
                continue
            }
            var content: Substring?
            var end = tag.end
            if !tag.selfClosing, let closing = rest[tag.end...].range(of: "[/\(tag.name)]") {
                content = rest[tag.end..<closing.lowerBound]
                end = closing.upperBound
            }
            if let replaced = replacement(for: tag, content: content.map(String.init)) {
                result.html += replaced
            } else {
                result.unknown.insert(tag.name)
                result.html += rest[..<end]
            }
            rest = rest[end...]
        }
        result.html += rest
        return result
    }

    private func replacement(for tag: Tag, content: String?) -> String? {
        switch tag.name {
        case "caption", "wp_caption":
            guard let content else { return nil }
            // The image (perhaps inside a link) comes first; the rest of the content is the caption.
            guard
                let image = content.range(
                    of: #"^\s*(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*</a>)?"#, options: .regularExpression)
            else { return nil }
            let caption = content[image.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
            let align = tag.attributes["align"].map { " " + HTMLText.escape($0) } ?? ""
            return "<figure class=\"wp-caption\(align)\">" + content[image].trimmingCharacters(in: .whitespaces)
                + (caption.isEmpty ? "" : "<figcaption>\(caption)</figcaption>") + "</figure>"
        case "gallery":
            let ids = (tag.attributes["ids"] ?? "").split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            let images = ids.compactMap { attachments[$0] }
            guard !images.isEmpty else { return nil }
            return "<figure class=\"gallery\">"
                + images.map { "<img src=\"\(HTMLText.escape($0))\" alt=\"\" loading=\"lazy\">" }.joined()
                + "</figure>"
        case "embed":
            let address = (content ?? tag.attributes["src"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard let url = URL(string: address), ["http", "https"].contains(url.scheme?.lowercased() ?? "") else {
                return nil
            }
            let escaped = HTMLText.escape(address)
            return "<p class=\"embed\"><a href=\"\(escaped)\">\(escaped)</a></p>"
        default:
            return nil
        }
    }

    /// An opening shortcode tag: `[name attr="value" other=x positional]` or `[name … /]`.
    package struct Tag {
        package var name: String
        package var attributes: [String: String] = [:]
        package var selfClosing = false
        /// Just after the closing bracket.
        package var end: Substring.Index

        package init?(parsing text: Substring) {
            var index = text.index(after: text.startIndex)
            let nameStart = index
            while index < text.endIndex, text[index].isLetter || text[index].isNumber || "-_".contains(text[index]) {
                index = text.index(after: index)
            }
            guard index > nameStart, text[nameStart].isLetter else { return nil }
            name = text[nameStart..<index].lowercased()
            // Attributes run to the first ] outside quotes.
            var quote: Character?
            var attributeText = ""
            while index < text.endIndex {
                let character = text[index]
                if let open = quote {
                    if character == open { quote = nil }
                } else if character == "\"" || character == "'" {
                    quote = character
                } else if character == "]" {
                    break
                } else if character == "[" || attributeText.count > 1_000 {
                    // A bracket inside, or no end in sight: text, not a shortcode.
                    return nil
                }
                attributeText.append(character)
                index = text.index(after: index)
            }
            guard index < text.endIndex else { return nil }
            end = text.index(after: index)
            if attributeText.hasSuffix("/") {
                selfClosing = true
                attributeText.removeLast()
            }
            attributes = Self.attributes(in: attributeText)
        }

        private static let attributePattern = try! NSRegularExpression(
            pattern: #"([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))"#)

        /// `key="value"`, `key='value'` and `key=value` pairs; names are lowercased.
        package static func attributes(in text: String) -> [String: String] {
            var attributes: [String: String] = [:]
            for match in attributePattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let name = Range(match.range(at: 1), in: text) else { continue }
                let value =
                    (2...4).lazy.compactMap { Range(match.range(at: $0), in: text) }.first.map { text[$0] } ?? ""
                attributes[text[name].lowercased()] = String(value)
            }
            return attributes
        }
    }
}
