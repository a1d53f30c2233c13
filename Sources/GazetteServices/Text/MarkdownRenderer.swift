import Ink

/// Turns an article's Markdown into the HTML of its body. Staff write Markdown; readers never reach this.
public enum MarkdownRenderer {
    public static func html(from markdown: String) -> String {
        // Ink treats a leading `---` block as its own metadata; front matter is already removed by then,
        // so a horizontal rule at the very top must not vanish.
        let source = markdown.hasPrefix("---") ? "\n" + markdown : markdown
        return MarkdownParser().html(from: source)
    }
}
