import GazetteContent
import Testing

@Suite("HTML sanitizer")
struct HTMLSanitizerTests {
    @Test("typical Ink output passes unchanged")
    func inkOutput() {
        let html = [
            "<h1>Storm hits the coast</h1><h2>What happened</h2>",
            "<p>The <em>storm</em> arrived at <strong>dawn</strong>, see <a href=\"https://x.test/a?b=1&amp;c=2\">",
            "the report</a> and <a href=\"/2026/11/28/tides/#map\">our map</a>.<br>",
            "Tom &amp; Jerry &lt;3 &quot;it&quot; &eacute;t&#233; &#x2014; AT&amp;T's \"view\"</p>",
            "<ul><li>One</li><li>Two <code>let x = 1</code></li></ul><ol start=\"3\"><li>Three</li></ol>",
            "<pre><code class=\"language-swift\">let a = b &lt; c &amp;&amp; d &gt; e\n</code></pre>",
            "<blockquote><p>Quoted <s>text</s></p></blockquote><hr>",
            "<table><thead><tr><th align=\"left\">Name</th><th align=\"right\">Votes</th></tr></thead>",
            "<tbody><tr><td align=\"left\">Yes</td><td align=\"right\">12</td></tr></tbody></table>",
        ].joined()
        #expect(HTMLSanitizer.clean(html) == html)
    }

    @Test("images keep a checked source, alt text and size; the XHTML slash is not written")
    func images() {
        let html = #"<p><img src="/media/a.jpg" alt="A storm"/> <img src="https://img.test/b.png" width="640"></p>"#
        #expect(
            HTMLSanitizer.clean(html)
                == #"<p><img src="/media/a.jpg" alt="A storm"> <img src="https://img.test/b.png" width="640"></p>"#)
    }

    @Test("script, style, iframe and other active elements are removed with their content")
    func activeElements() {
        let html = """
            <p>a</p><script>alert(1)</script><STYLE>p{}</STYLE><iframe src="/x"><p>b</p></iframe>\
            <svg><p>c</p><script>alert(2)</script></svg><math><mi>d</mi></math><template><p>e</p></template>\
            <noscript><p>f</p></noscript><textarea><p>g</textarea><select><option>h</select><object>i</object>\
            <title>j</title><xmp><p>k</xmp><p>z</p>
            """
        #expect(HTMLSanitizer.clean(html) == "<p>a</p><p>z</p>")
    }

    @Test("raw text ends only at its own end tag, in any case")
    func rawTextEnd() {
        let html = "<script>a = '</p>'; b = '</scriptx>'</SCRIPT ><p>after</p>"
        #expect(HTMLSanitizer.clean(html) == "<p>after</p>")
    }

    @Test("plaintext drops everything after it")
    func plaintext() {
        #expect(HTMLSanitizer.clean("<p>a</p><plaintext><p>b</p>") == "<p>a</p>")
    }

    @Test("other elements lose their tag but keep their text and allowed children")
    func unknownElements() {
        let html =
            #"<form action="/x"><font color=red>Hi <b>there</b></font><input value="v"><center>c</center></form>"#
        #expect(HTMLSanitizer.clean(html) == "Hi <b>there</b>c")
    }

    @Test("event handlers, style, id and unlisted attributes are removed")
    func eventHandlers() {
        let html = """
            <p onclick="alert(1)" style="color:red" id="x">a</p>\
            <a href="/x" onmouseover=alert(1) target="_blank" title="T">b</a>\
            <img src="/i.png" onerror="alert(1)" srcset="/j.png 2x" alt="c">
            """
        #expect(HTMLSanitizer.clean(html) == #"<p>a</p><a href="/x" title="T">b</a><img src="/i.png" alt="c">"#)
    }

    @Test(
        "links that could run script are removed, the link text kept",
        arguments: [
            "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "java&#x09;script:alert(1)",
            "&#106;avascript:alert(1)", "&#0000106avascript:alert(1)", "javascript&colon;alert(1)",
            "  \u{1}javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)", "file:///etc",
        ])
    func dangerousLinks(href: String) {
        let html = "<a href=\"\(href)\" title=\"t\">x</a>"
        #expect(HTMLSanitizer.clean(html) == #"<a title="t">x</a>"#)
    }

    @Test(
        "links to the web, mail and this site are kept",
        arguments: [
            "https://example.com/a?b=c#d", "HTTP://EXAMPLE.COM", "mailto:desk@example.com", "/path", "#notes",
            "?page=2",
            "relative/page.html",
        ])
    func safeLinks(href: String) {
        let html = "<a href=\"\(href)\">x</a>"
        #expect(HTMLSanitizer.clean(html) == html)
    }

    @Test("links read as another host by browsers are removed")
    func otherHostLinks() {
        #expect(HTMLSanitizer.clean(#"<a href="//evil.test/">x</a>"#) == "<a>x</a>")
        #expect(HTMLSanitizer.clean(#"<a href="/\evil.test/">x</a>"#) == "<a>x</a>")
        #expect(HTMLSanitizer.clean(#"<a href="\\evil.test/">x</a>"#) == "<a>x</a>")
    }

    @Test("images load only from the web or this site; without a safe source they are removed")
    func imageSources() {
        let html = """
            <img src="//evil.example/x.png"><img src="data:image/png;base64,AAAA"><img src="javascript:alert(1)">\
            <img src="x" onerror="alert(1)"><img src="photo.jpg"><img alt="no source"><img src="/ok.png">
            """
        #expect(HTMLSanitizer.clean(html) == #"<img src="/ok.png">"#)
    }

    @Test("attribute values are decoded, checked and escaped again")
    func attributeEscaping() {
        let html = #"<a href="/s?q=a&amp;b=&quot;c&quot;&lt;" title='say "hi" &amp; <bye>'>x</a>"#
        #expect(
            HTMLSanitizer.clean(html)
                == #"<a href="/s?q=a&amp;b=&quot;c&quot;&lt;" title="say &quot;hi&quot; &amp; &lt;bye&gt;">x</a>"#)
    }

    @Test("unquoted, single-quoted and valueless attributes are parsed")
    func attributeQuoting() {
        let html = "<A HREF=/a TITLE='it&#39;s'>x</A><ol reversed start = 5><li value=2>y</ol><img/src=/i.png/>"
        let expected = #"<a href="/a" title="it&#39;s">x</a><ol reversed start="5"><li value="2">y</li></ol>"#
        #expect(HTMLSanitizer.clean(html) == expected + #"<img src="/i.png/">"#)
    }

    @Test("the first of two attributes with one name wins, as in browsers")
    func duplicateAttributes() {
        #expect(HTMLSanitizer.clean(#"<a href="/one" href="/two">x</a>"#) == #"<a href="/one">x</a>"#)
    }

    @Test("numbers, table scope and code language classes must have their expected shape")
    func attributeShapes() {
        let html = """
            <img src="/a.png" width="100%" height=" 80 "><td colspan="2" rowspan="x" scope="ROW">c</td>\
            <pre class="language-c++"><code class="language-swift hljs">s</code></pre><span class="warn">w</span>
            """
        let expected = """
            <img src="/a.png" height="80"><td colspan="2" scope="row">c</td>\
            <pre class="language-c++"><code>s</code></pre><span>w</span>
            """
        #expect(HTMLSanitizer.clean(html) == expected)
    }

    @Test("unclosed elements are closed at the end")
    func unclosed() {
        #expect(HTMLSanitizer.clean("<div><p><em>open") == "<div><p><em>open</em></p></div>")
    }

    @Test("misnested end tags close what is inside them, and stray end tags are ignored")
    func misnested() {
        #expect(HTMLSanitizer.clean("<b><i>x</b>y</i></p></div>") == "<b><i>x</i></b>y")
        #expect(HTMLSanitizer.clean("<ul><li>a<li>b</ul>c") == "<ul><li>a</li><li>b</li></ul>c")
        #expect(HTMLSanitizer.clean("<p>a<p>b<div>c</div>") == "<p>a</p><p>b</p><div>c</div>")
        #expect(HTMLSanitizer.clean("<a href=/1>one<a href=/2>two") == #"<a href="/1">one</a><a href="/2">two</a>"#)
        #expect(
            HTMLSanitizer.clean("<table><tr><td>a<td>b<tr><td>c</table>")
                == "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>")
    }

    @Test("comments, doctypes, processing instructions and CDATA are removed")
    func declarations() {
        let html = "<!DOCTYPE html><?xml version=\"1.0\"?><!-- a <b> --><p>x<!-->y<!--->z</p><![CDATA[<i>c</i>]]>"
        #expect(HTMLSanitizer.clean(html) == "<p>xyz</p>")
    }

    @Test("a comment that tries to hide a tag in an attribute hides nothing dangerous")
    func commentTrick() {
        #expect(HTMLSanitizer.clean(#"<!--<img src="--><img src=x onerror=alert(1)//">"#) == "")
    }

    @Test("a stray < and a bare & in text are escaped; character references stay as written")
    func textEscaping() {
        let html = "1 < 2 & 3 > 2, a<-b, <3 &amp; &copy; &#169; &#xA9; &#39 &nosuch; & fish"
        #expect(
            HTMLSanitizer.clean(html)
                == "1 &lt; 2 &amp; 3 &gt; 2, a&lt;-b, &lt;3 &amp; &copy; &#169; &#xA9; &#39; &nosuch; &amp; fish")
    }

    @Test("NUL characters are dropped from text, names and values")
    func nul() {
        #expect(
            HTMLSanitizer.clean("<p title=x>a\u{0}b</p><a title=\"c\u{0}d\">e</a>") == #"<p>ab</p><a title="cd">e</a>"#)
    }

    @Test("a tag cut off by the end of the input is dropped")
    func truncatedTag() {
        #expect(HTMLSanitizer.clean("<p>a</p><a href=\"/x") == "<p>a</p>")
        #expect(HTMLSanitizer.clean("<p>a<") == "<p>a&lt;</p>")
        #expect(HTMLSanitizer.clean("a</") == "a&lt;/")
    }

    @Test("no truncation of a hostile document crashes or lets script through, and cleaning twice changes nothing")
    func truncations() {
        let hostile = Self.hostile.joined()
        var prefix = ""
        for character in hostile {
            prefix.append(character)
            let cleaned = HTMLSanitizer.clean(prefix)
            let lowered = cleaned.lowercased()
            #expect(!lowered.contains("<script"), "\(prefix)")
            #expect(!lowered.contains("onerror="), "\(prefix)")
            #expect(!lowered.contains("javascript:"), "\(prefix)")
            #expect(HTMLSanitizer.clean(cleaned) == cleaned, "\(prefix)")
        }
    }

    @Test("each hostile string alone comes out without script")
    func hostileStrings() {
        for html in Self.hostile {
            let cleaned = HTMLSanitizer.clean(html).lowercased()
            #expect(!cleaned.contains("<script") && !cleaned.contains("onerror=") && !cleaned.contains("javascript:"))
            #expect(!cleaned.contains("<svg") && !cleaned.contains("<iframe") && !cleaned.contains("style="), "\(html)")
        }
    }

    @Test("a one-megabyte body is cleaned", .timeLimit(.minutes(1)))
    func largeInput() {
        let chunk = #"<p>Some <b>bold</b> &amp; <a href="/x?a=1&b=2" onclick=x>link</a> text <script>x</script></p>"#
        let html = String(repeating: chunk, count: 1_048_576 / chunk.utf8.count + 1)
        let cleaned = HTMLSanitizer.clean(html)
        #expect(cleaned.hasPrefix(#"<p>Some <b>bold</b> &amp; <a href="/x?a=1&amp;b=2">link</a> text </p>"#))
        #expect(!cleaned.contains("script"))
    }

    @Test("deeply nested and unterminated input is cleaned without crashing", .timeLimit(.minutes(1)))
    func pathologicalInput() {
        let nested = String(repeating: "<div><span>", count: 50_000) + String(repeating: "</div>", count: 50_000)
        #expect(HTMLSanitizer.clean(nested).hasSuffix("</div>"))
        let attributes = "<a" + String(repeating: " title=x", count: 100_000) + ">x</a>"
        #expect(HTMLSanitizer.clean(attributes) == #"<a title="x">x</a>"#)
        #expect(HTMLSanitizer.clean("<!--" + String(repeating: "-", count: 100_000)) == "")
        #expect(HTMLSanitizer.clean("<a title=\"" + String(repeating: "&", count: 100_000)) == "")
        #expect(HTMLSanitizer.clean("<p>" + String(repeating: "&#1", count: 100_000)).hasPrefix("<p>&#1;&#1;"))
    }

    /// Script injection in every shape a browser accepts, written without "onerror=" or "javascript:" in text.
    static let hostile = [
        "<p>Intro &amp; more</p>",
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<img src=/ok.png onerror=alert(1)>",
        "<svg onload=alert(1)><script>alert(1)</script></svg>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<a href=javascript&colon;alert(1)>x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"java\tscript:alert(1)\">x</a>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "</style></math>",
        "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
        "<![CDATA[<script>alert(1)</script>]]>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<a href=\"https://ok.example\" onclick=\"alert(1)\" style=\"x\">ok</a>",
        "<div style=\"background:url(javascript:alert(1))\">",
        "<img/src=x/onerror=alert(1)>",
        "<img\nsrc=x\nonerror=alert(1)>",
        "<a href='javas\u{0}cript:alert(1)'>n</a>",
        "<blockquote cite=\"vbscript:x\">q</blockquote>",
        "<template><script>alert(1)</script></template>",
        "<xmp><script>alert(1)</script></xmp>",
        "<svg/onload=alert(1)//",
        "<plaintext><script>alert(1)",
    ]
}
