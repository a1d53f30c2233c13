import Testing

@testable import Gazette

@Suite("WordPress paragraphs")
struct WordPressParagraphsTests {
    @Test("blank lines part paragraphs and single line breaks become <br />")
    func paragraphs() {
        #expect(
            WordPressParagraphs.html("First line\nsecond line\r\n\r\nNext <em>one</em>.\n\n\n\nLast")
                == "<p>First line<br />\nsecond line</p>\n<p>Next <em>one</em>.</p>\n<p>Last</p>")
        #expect(WordPressParagraphs.html("  \n\n ") == "")
        #expect(WordPressParagraphs.html("<p>Already a paragraph.</p>") == "<p>Already a paragraph.</p>")
    }

    @Test("block elements stand alone: never wrapped, never given a <br /> beside them")
    func blocks() {
        let body = """
            Intro text
            <h2>Heading</h2>
            <ul>
            <li>one</li>
            <li>two</li>
            </ul>
            <blockquote>Quoted
            words</blockquote>
            <div>
            Inside a div

            and more
            </div>
            <img src="a.jpg" alt="A"> with a caption
            """
        #expect(
            WordPressParagraphs.html(body) == """
                <p>Intro text</p>
                <h2>Heading</h2>
                <ul>
                <li>one</li>
                <li>two</li>
                </ul>
                <blockquote>Quoted<br />
                words</blockquote>
                <div>
                <p>Inside a div</p>
                <p>and more</p>
                </div>
                <p><img src="a.jpg" alt="A"> with a caption</p>
                """)
    }

    @Test("code, scripts and text areas keep every line and blank line as written")
    func verbatim() {
        let body = "Look:\n\n<pre class=\"code\">let a = 1\n\nlet b = 2\n</pre>\n\nAfter\n<script>\nvar x;\n\n</script>"
        #expect(
            WordPressParagraphs.html(body)
                == "<p>Look:</p>\n<pre class=\"code\">let a = 1\n\nlet b = 2\n</pre>\n<p>After</p>\n<script>\nvar x;\n\n</script>"
        )
    }
}
