import Testing

@testable import Gazette
@testable import GazetteServices
@testable import GazetteWeb

@Suite("WordPress shortcodes")
struct WordPressShortcodesTests {
    let shortcodes = WordPressShortcodes(attachments: [
        "5": "https://herald.example/wp-content/uploads/a.jpg",
        "6": "https://herald.example/wp-content/uploads/b&c.jpg",
    ])

    @Test("a caption becomes a figure with its caption, the image kept as written, linked or not")
    func caption() {
        let body =
            #"Before [caption id="attachment_5" align="alignleft" width="300"]<a href="/a.jpg"><img src="/a.jpg" alt="Pier" width="300" /></a> The pier at dawn[/caption] after"#
        #expect(
            shortcodes.html(body)
                == .init(
                    html:
                        #"Before <figure class="wp-caption alignleft"><a href="/a.jpg"><img src="/a.jpg" alt="Pier" width="300" /></a><figcaption>The pier at dawn</figcaption></figure> after"#
                ))
        #expect(
            shortcodes.html(#"[caption]<img src="/b.jpg" alt="">[/caption]"#).html
                == #"<figure class="wp-caption"><img src="/b.jpg" alt=""></figure>"#)
    }

    @Test("a gallery shows the export's images; an embed becomes a plain link")
    func galleryAndEmbed() {
        #expect(
            shortcodes.html(#"[gallery ids="5, 6,99" columns="2"]"#).html
                == #"<figure class="gallery"><img src="https://herald.example/wp-content/uploads/a.jpg" alt="" loading="lazy"><img src="https://herald.example/wp-content/uploads/b&amp;c.jpg" alt="" loading="lazy"></figure>"#
        )
        #expect(
            shortcodes.html("[embed]https://video.example/watch?v=1&t=2[/embed]").html
                == #"<p class="embed"><a href="https://video.example/watch?v=1&amp;t=2">https://video.example/watch?v=1&amp;t=2</a></p>"#
        )
        let unsafe = shortcodes.html("[embed]javascript:alert(1)[/embed]")
        #expect(unsafe.html == "[embed]javascript:alert(1)[/embed]" && unsafe.unknown == ["embed"])
    }

    @Test("other shortcodes stay as written and are reported; escaped ones and plain brackets are text")
    func unknownAndText() {
        let result = shortcodes.html(
            #"Call [contact-form-7 id="12" title="Say hi"] or [audio src="x.mp3"]Listen[/audio]. See [[gallery]], note [1] and a [ lone bracket"#
        )
        #expect(
            result.html
                == #"Call [contact-form-7 id="12" title="Say hi"] or [audio src="x.mp3"]Listen[/audio]. See [gallery], note [1] and a [ lone bracket"#
        )
        #expect(result.unknown == ["contact-form-7", "audio"])
        #expect(shortcodes.html("[gallery ids=\"404\"]").unknown == ["gallery"], "a gallery with no known image stays")
    }
}
