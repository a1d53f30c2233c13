import Foundation

/// Markdown made into the words a reader sees, for text shown out of its page: search snippets (the engine
/// cuts them from the Markdown body, anywhere, even inside a link). Links and images keep their words,
/// addresses and markup go, lines run together.
package enum MarkdownText {
    package static func plain(_ markdown: String) -> String {
        var text = markdown
        for (pattern, template) in rules {
            text = pattern.stringByReplacingMatches(
                in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    private nonisolated(unsafe) static let rules: [(NSRegularExpression, String)] = [
        // HTML tags written into the body.
        (#"</?[A-Za-z][^<>\n]{0,300}>"#, ""),
        // Images and links keep their words: ![alt](…) and [text](…), a cut-off address included.
        (#"!?\[([^\[\]\n]*)\]\([^()\s]*(?:\)|$|(?=\s))"#, "$1"),
        // Reference-style links and their definitions.
        (#"!?\[([^\[\]\n]*)\]\[[^\[\]\n]*\]"#, "$1"),
        (#"(?m)^\s*\[[^\]\n]+\]:\s*\S+.*$"#, ""),
        // What is left of a link cut at its start: "…text](https://…)".
        (#"\]\([^()\s]*\)?"#, ""),
        (#"https?://\S+"#, ""),
        // Headings, quotes, list markers and rules at the start of a line.
        (#"(?m)^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,3}[.)][ \t]+)"#, ""),
        (#"(?m)^[ \t]*(?:[-*_][ \t]*){3,}$"#, ""),
        // A heading's marks where the snippet starts mid-line.
        (#"(?:^|\s)#{1,6}(?=\s)"#, " "),
        // Emphasis and code marks, and the brackets of links cut in two.
        (#"[*`\[\]]+|(?<![\p{L}\p{N}])_{1,2}|_{1,2}(?![\p{L}\p{N}])"#, ""),
        (#"\s+"#, " "),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }
}
