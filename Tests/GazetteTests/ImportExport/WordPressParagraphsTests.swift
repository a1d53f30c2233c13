import Testing

@testable import Gazette
@testable import GazetteServices
@testable import GazetteWeb

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

    @Test("bodies without block elements take a fast path that gives what the general rules give")
    func fastPathAgrees() {
        let pieces = [
            "a", "word", " ", "  ", "\t", "\n", "\n\n", " \n ", "\u{A0}", "<em>", "</em>", "&amp;", "é",
            "<a href=\"x\">",
        ]
        var generator = SplitMix(seed: 42)
        for _ in 0..<5_000 {
            let text = (0..<Int(generator.next() % 24)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))]
            }
            .joined()
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            #expect(!WordPressParagraphs.hasBlockTag(text))
            #expect(
                WordPressParagraphs.plainParagraphs(text) == WordPressParagraphs.paragraphsWithBlocks(text),
                "\(text.debugDescription)")
        }
        #expect(WordPressParagraphs.hasBlockTag("x <P class=a>y") && WordPressParagraphs.hasBlockTag("x</li>"))
        #expect(!WordPressParagraphs.hasBlockTag("<em>x</em> <a href=p>y</a> <pic> 1 < 2"))
    }
}

/// A small seeded generator, so a failing case can be found again.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
