/// A found article and a snippet of its body; the words found sit between `markStart` and `markEnd`, which
/// the page turns into highlights after escaping the text.
public struct SearchHit: Sendable {
    public var summary: ArticleSummary
    public var snippet: String
    public static let markStart: Character = "\u{E000}"
    public static let markEnd: Character = "\u{E001}"

    public init(summary: ArticleSummary, snippet: String) {
        self.summary = summary
        self.snippet = snippet
    }
}
