import Testing

@testable import Gazette
@testable import GazetteServices
@testable import GazetteWeb

@Suite("Comment text")
struct CommentTextTests {
    @Test("Paragraphs and line breaks are kept, and every character a reader types is escaped")
    func paragraphsAndEscaping() {
        #expect(
            CommentText.html("First <b>bold</b> & 'quoted'\r\nsecond line\n\n\n  Next\u{1} paragraph  ") == """
                <p>First &lt;b&gt;bold&lt;/b&gt; &amp; &#39;quoted&#39;<br>
                second line</p>
                <p>Next\u{FFFD} paragraph</p>
                """)
        #expect(CommentText.html(" \n\n ") == "")
        #expect(CommentText.html("a\r\nb\r\n\r\n\u{00A0}c\u{2003}\n\n\n") == "<p>a<br>\nb</p>\n<p>c</p>")
    }

    @Test("Web addresses become nofollow links; sentence punctuation and look-alikes stay text")
    func links() {
        #expect(
            CommentText.html(
                "See https://example.com/a?b=1&c=2. Or WWW.Example.org, (http://x.example/p) and http://x.example/p_(1)."
            )
                == #"<p>See <a href="https://example.com/a?b=1&amp;c=2" rel="nofollow ugc">https://example.com/a?b=1&amp;c=2</a>. "#
                + #"Or <a href="https://WWW.Example.org" rel="nofollow ugc">WWW.Example.org</a>, "#
                + #"(<a href="http://x.example/p" rel="nofollow ugc">http://x.example/p</a>) and "#
                + #"<a href="http://x.example/p_(1)" rel="nofollow ugc">http://x.example/p_(1)</a>.</p>"#)
        #expect(
            CommentText.html("mail me@www.example.com or xhttp://no.example")
                == "<p>mail me@www.example.com or xhttp://no.example</p>")
        #expect(CommentText.html("http://") == "<p>http://</p>")
        #expect(CommentText.html("javascript:alert(1) www.") == "<p>javascript:alert(1) www.</p>")
        #expect(
            CommentText.html("<https://a.example/\"onclick>")
                == #"<p>&lt;<a href="https://a.example/" rel="nofollow ugc">https://a.example/</a>&quot;onclick&gt;</p>"#
        )
    }
}
