import GazetteContent
import Testing

@Suite("Plain text from HTML")
struct PlainTextTests {
    @Test(
        "tags go, references are decoded, paragraphs and breaks stay",
        arguments: [
            ("Ferry &amp; “Nordlys” &#8211; back", "Ferry & “Nordlys” – back"),
            ("Great <b>news</b>!", "Great news!"),
            ("<p>One</p><p>Two<br>lines</p>", "One\n\nTwo\nlines"),
            ("<p>A line,<br />\nthe next</p>", "A line,\nthe next"),
            ("Comment text\nwith its own\n\nparagraphs", "Comment text\nwith its own\n\nparagraphs"),
            ("Before<script>alert(1)</script> after", "Before after"),
            ("  spaced  ", "spaced"),
            ("a &lt;b&gt; c", "a <b> c"),
            ("<p>A</p>\n\n\n<p>B</p>", "A\n\nB"),
            ("x < y and &unknown; stays", "x < y and &unknown; stays"),
        ])
    func plain(html: String, text: String) {
        #expect(PlainText.fromHTML(html) == text)
    }
}
