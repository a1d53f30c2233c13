import GazetteContent
import Testing

@Suite("Embeds in trusted HTML")
struct EmbedSanitizerTests {
    static let frame = #" referrerpolicy="strict-origin-when-cross-origin" loading="lazy"></iframe>"#

    @Test("a known provider's player is kept in trusted HTML with only its size and title")
    func kept() {
        let html =
            #"<iframe src="https://player.vimeo.com/video/1?h=2&amp;x=1" width="640" height="360" title="Clip" "#
            + #"allowfullscreen onload="alert(1)" style="x" allow="camera; microphone" srcdoc="<script>">fallback"#
            + "<script>alert(2)</script></iframe>"
        #expect(
            HTMLSanitizer.clean(html, trust: .trusted)
                == #"<iframe src="https://player.vimeo.com/video/1?h=2&amp;x=1" width="640" height="360" "#
                + #"title="Clip" allowfullscreen"# + Self.frame)
    }

    @Test("untrusted HTML keeps no frame at all, even a known provider's")
    func untrusted() {
        let html = #"<p>a</p><iframe src="https://www.youtube.com/embed/x"></iframe><p>b</p>"#
        #expect(HTMLSanitizer.clean(html) == "<p>a</p><p>b</p>")
        #expect(HTMLSanitizer.clean(html, trust: .untrusted) == "<p>a</p><p>b</p>")
    }

    @Test(
        "frames of other addresses are dropped, however the address is dressed up",
        arguments: [
            "http://www.youtube.com/embed/x", "https://evil.example/embed/x", "https://www.youtube.com/watch?v=x",
            "https://www.youtube.com.evil.example/embed/x", "https://evil.example@www.youtube.com/embed/x",
            "https://www.youtube.com@evil.example/embed/x", "https://www.youtube.com:8443/embed/x",
            "//www.youtube.com/embed/x", "/embed/x", "javascript:alert(1)", "data:text/html,x",
            "https://www.youtube.com/embed/../watch", "https://www.youtube.com/embed/%2e%2e/watch",
            "https://www.youtube.com\\@evil.example/embed/", "https://www.youtube.com/embed/x\"onload=\"",
            "https:\\\\www.youtube.com/embed/x", " https://www.youtube.com/embed/ x",
        ])
    func refused(_ address: String) {
        let escaped = address.replacingOccurrences(of: "\"", with: "&quot;")
        let html = #"<iframe src=""# + escaped + #""></iframe>"#
        #expect(HTMLSanitizer.clean(html, trust: .trusted) == "", "\(address)")
    }

    @Test("an address written with character references is checked decoded")
    func references() {
        let html = #"<iframe src="https&#58;//www.youtube.com/embed/x"></iframe>"#
        #expect(HTMLSanitizer.clean(html, trust: .trusted).hasPrefix(#"<iframe src="https://www.youtube.com/embed/x""#))
        let hidden = #"<iframe src="&#106;avascript:alert(1)"></iframe>"#
        #expect(HTMLSanitizer.clean(hidden, trust: .trusted) == "")
    }

    @Test("nothing in trusted HTML keeps script, handlers or meta refresh")
    func noScript() {
        let html =
            #"<script>alert(1)</script><meta http-equiv="refresh" content="0;url=x"><img src="/a.png" onerror="x">"#
            + #"<a href="javascript:x">y</a><object data="x"></object><embed src="x"><form action="x"></form>"#
        #expect(HTMLSanitizer.clean(html, trust: .trusted) == #"<img src="/a.png"><a>y</a>"#)
    }

    @Test("cleaning trusted output again changes nothing")
    func idempotent() {
        let html =
            #"<figure><iframe src="https://www.youtube-nocookie.com/embed/a" title="A"></iframe>"#
            + "<figcaption>A clip</figcaption></figure>"
        let once = HTMLSanitizer.clean(html, trust: .trusted)
        #expect(HTMLSanitizer.clean(once, trust: .trusted) == once)
        #expect(once.contains("<figcaption>A clip</figcaption>"))
    }

    @Test("trust is the lower of two")
    func meet() {
        #expect(HTMLTrust.trusted.meet(.untrusted) == .untrusted)
        #expect(HTMLTrust.untrusted.meet(.trusted) == .untrusted)
        #expect(HTMLTrust.trusted.meet(.trusted) == .trusted)
    }
}
