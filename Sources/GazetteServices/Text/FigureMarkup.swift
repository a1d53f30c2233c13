import Foundation

/// The `<figure>` the editor puts in an article's Markdown for an inserted image: one line of HTML (so the
/// Markdown around it stays Markdown), with the alternative text, and the caption and credit under it.
package enum FigureMarkup {
    package static func html(url: String, alt: String, caption: String, credit: String) -> String {
        let line = { (text: String) in
            HTMLText.escape(
                text.split(whereSeparator: \.isNewline).joined(separator: " ")
                    .trimmingCharacters(in: .whitespaces))
        }
        var under = line(caption)
        if !credit.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            under += (under.isEmpty ? "" : " ") + "<small>" + line(credit) + "</small>"
        }
        let image = #"<img src=""# + HTMLText.escape(url) + #"" alt=""# + line(alt) + #"">"#
        return "<figure>" + image + (under.isEmpty ? "" : "<figcaption>" + under + "</figcaption>") + "</figure>"
    }

    /// `markdown` with `figure` put in as its own block at `utf16Offset` (a text field's cursor; the end when
    /// nil or outside the text), blank lines around it.
    package static func insert(_ figure: String, into markdown: String, atUTF16Offset offset: Int?) -> String {
        var index = markdown.endIndex
        if let offset, offset >= 0, offset <= markdown.utf16.count,
            let at = markdown.utf16.index(markdown.utf16.startIndex, offsetBy: offset).samePosition(in: markdown)
        {
            index = at
        }
        let before = markdown[..<index].trimmingCharacters(in: .newlines)
        let after = markdown[index...].trimmingCharacters(in: .newlines)
        return [before.isEmpty ? nil : before, figure, after.isEmpty ? nil : after].compactMap { $0 }
            .joined(separator: "\n\n")
    }
}
