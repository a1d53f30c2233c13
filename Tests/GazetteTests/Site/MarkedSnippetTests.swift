import Testing

@testable import Gazette
@testable import GazetteServices
@testable import GazetteWeb

@Suite("Search snippets")
struct MarkedSnippetTests {
    @Test("markup dropped, text escaped, and the engine's markers become balanced mark elements")
    func marks() {
        let snippet = "A <b>bold</b> & **loud** \u{E000}harbour\u{E001} story \u{E000}unclosed"
        #expect(
            MarkedSnippet.html(snippet)
                == "A bold &amp; loud <mark>harbour</mark> story <mark>unclosed</mark>")
        #expect(MarkedSnippet.html("if a < b && c > d") == "if a &lt; b &amp;&amp; c &gt; d")
        #expect(MarkedSnippet.html("stray \u{E001} end") == "stray  end")
    }
}
