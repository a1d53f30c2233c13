import Testing

@testable import GazetteServices

/// Markdown cut anywhere (as a search engine cuts a snippet) still reads as plain words.
@Suite("Markdown as plain text")
struct MarkdownTextTests {
    @Test(
        "headings, links, images, emphasis, quotes and lists become words",
        arguments: [
            ("## Harbour works\nThe quay", "Harbour works The quay"),
            ("see the [new timetable](https://example.com/t) today", "see the new timetable today"),
            ("![A map of the bay](/media/map.png) shows", "A map of the bay shows"),
            ("**bold** and *light* and `code` and __strong__", "bold and light and code and strong"),
            ("> quoted words\n- first\n- second\n1. one", "quoted words first second one"),
            ("…the tide table](https://example.com/x) said", "…the tide table said"),
            ("it said [the harb", "it said the harb"),
            ("read more at https://example.com/a?b=c now", "read more at now"),
            ("a <span class=\"x\">tagged</span> word", "a tagged word"),
            ("snake_case stays, C# stays", "snake_case stays, C# stays"),
            ("mid-line ## heading", "mid-line heading"),
        ])
    func plain(markdown: String, expected: String) {
        #expect(MarkdownText.plain(markdown) == expected)
    }

    @Test("the engine's markers around found words survive")
    func markers() {
        let marked = "## The \u{E000}harbour\u{E001} [works](https://x.test)"
        #expect(MarkdownText.plain(marked) == "The \u{E000}harbour\u{E001} works")
    }
}
