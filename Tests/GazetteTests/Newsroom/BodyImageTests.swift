import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Article editor: images in the body")
struct BodyImageTests {
    @Test("a figure goes in as its own block where the cursor was, escaped, on one line")
    func markup() {
        let figure = FigureMarkup.html(
            url: "/media/2026/11/x-abc123.jpg", alt: "Cranes \"at\" <dusk>", caption: "Two\ncranes", credit: "Port")
        #expect(
            figure
                == #"<figure><img src="/media/2026/11/x-abc123.jpg" alt="Cranes &quot;at&quot; &lt;dusk&gt;"><figcaption>Two cranes <small>Port</small></figcaption></figure>"#
        )
        #expect(
            FigureMarkup.html(url: "/m.jpg", alt: "A", caption: "", credit: "")
                == #"<figure><img src="/m.jpg" alt="A"></figure>"#)
        let body = "First 😀 para.\n\nSecond para."
        let cursor = "First 😀 para.".utf16.count
        #expect(
            FigureMarkup.insert("<figure/>", into: body, atUTF16Offset: cursor)
                == "First 😀 para.\n\n<figure/>\n\nSecond para.")
        #expect(FigureMarkup.insert("<figure/>", into: body, atUTF16Offset: nil) == body + "\n\n<figure/>")
        #expect(FigureMarkup.insert("<figure/>", into: body, atUTF16Offset: 10_000) == body + "\n\n<figure/>")
        #expect(FigureMarkup.insert("<figure/>", into: "", atUTF16Offset: 0) == "<figure/>")
        // In the middle of an emoji's two halves: a position the text does not have, so the end.
        #expect(FigureMarkup.insert("<figure/>", into: body, atUTF16Offset: 7) == body + "\n\n<figure/>")
    }

    @Test("body pictures get their copies in srcset; other pictures and broken markup pass through whole")
    func bodyRewrite() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("body-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("2026/11"), withIntermediateDirectories: true)
        for name in ["pier-abc123-480w.jpg", "pier-abc123-960w.jpg"] {
            try Data([1]).write(to: folder.appendingPathComponent("2026/11/" + name))
        }
        let variants = ImageVariants(folder: folder, resizer: ImageResizer(program: nil))
        let html =
            #"<p>A</p><img src="/media/2026/11/pier-abc123.jpg" alt="P"><img src="https://x.example/a.jpg" alt="">"#
        #expect(
            BodyImages.withCopies(html, variants: variants, sizes: "100vw")
                == #"<p>A</p><img src="/media/2026/11/pier-abc123.jpg" srcset="/media/2026/11/pier-abc123-480w.jpg 480w, /media/2026/11/pier-abc123-960w.jpg 960w" sizes="100vw" alt="P"><img src="https://x.example/a.jpg" alt="">"#
        )
        let broken = #"<p>Before</p><img src="/media/2026/11/pier-abc123.jpg"#
        #expect(BodyImages.withCopies(broken, variants: variants, sizes: "100vw") == broken)
        #expect(BodyImages.withCopies(html, variants: nil, sizes: "100vw") == html)
    }

    static func insert(
        _ staff: Staff, fields: [String: String], picture: [UInt8]?
    ) async throws -> Fetched {
        var body = MultipartBody()
        body.field("csrf_token", try await staff.csrf())
        body.field("revision", "0")
        body.field("intent", "insert-image")
        for (name, value) in fields { body.field(name, value) }
        if let picture { body.file("body_image_file", fileName: "Cranes.jpg", type: "image/jpeg", picture) }
        return try await staff.send("/admin/articles/new", body)
    }

    @Test(
        "Upload and insert puts the image in the body as a figure and in the library once; the page lists its copies",
        arguments: TestEngine.available)
    func uploadAndInsert(engine: TestEngine) async throws {
        let picture = try TestPicture.jpeg(width: 2000, height: 1000)
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            let library = { try await site.services.media.page(PageRequest(number: 1, size: 10)!).items }
            let articlesBefore = try await site.services.articles.count()

            let missingAlt = try await Self.insert(
                editor, fields: ["title": "Cranes", "body": "First."], picture: picture)
            #expect(missingAlt.status == .unprocessableContent)
            #expect(missingAlt.contains(#"id="body_image_alt-error""#))
            #expect(try await library().isEmpty, "nothing stored without its alternative text")
            let noFile = try await Self.insert(editor, fields: ["title": "Cranes", "body": "First."], picture: nil)
            #expect(noFile.status == .unprocessableContent && noFile.contains("Choose the image to insert."))

            let inserted = try await Self.insert(
                editor,
                fields: [
                    "title": "Cranes arrive", "body": "First para.\n\nSecond para.", "body_cursor": "11",
                    "body_image_alt": "Two cranes", "body_image_caption": "The new cranes",
                    "body_image_credit": "Port photo",
                ], picture: picture)
            #expect(inserted.status == .ok)
            #expect(inserted.contains("The image is in the body and in the media library."))
            let items = try await library()
            #expect(items.count == 1 && items[0].alt == "Two cranes" && items[0].credit == "Port photo")
            let url = SiteURL.media(items[0].path)
            let figure =
                #"<figure><img src="\#(url)" alt="Two cranes"><figcaption>The new cranes <small>Port photo</small></figcaption></figure>"#
            let body = "First para.\n\n" + figure + "\n\nSecond para."
            #expect(inserted.contains(">" + HTMLText.escape(body) + "</textarea>"))
            #expect(inserted.contains(#"id="body_image_alt" name="body_image_alt" type="text" value="""#), "cleared")
            #expect(try await site.services.articles.count() == articlesBefore, "nothing saved")

            // Saved and published, the page shows the figure with the copies in srcset.
            let saved = try await editor.post(
                "/admin/articles/new",
                ArticleEditorTests.form(
                    ["title": "Cranes arrive", "body": body, "action": "publish"], csrf: try await editor.csrf()))
            #expect(saved.status == .seeOther)
            let page = try await site.get("/2026/11/28/cranes-arrive/")
            let stem = String(url.dropLast(4))
            #expect(
                page.contains(
                    #"<img src="\#(url)" srcset="\#(stem)-480w.jpg 480w, \#(stem)-960w.jpg 960w, \#(stem)-1600w.jpg 1600w" sizes="\#(ImageSizes.article)" alt="Two cranes">"#
                ), "\(page.body.components(separatedBy: "article-body").dropFirst().first?.prefix(600) ?? "")")
            #expect(page.contains("<figcaption>The new cranes <small>Port photo</small></figcaption>"))
            #expect(try await library().count == 1, "uploaded once")
        }
    }

    @Test("people who cannot upload get no insert panel and cannot insert")
    func contributors() async throws {
        try await TestSite.run(.sqlite, seed: NewsroomFixtures.seed) { site in
            var contributor = Staff(site: site)
            _ = try await contributor.signIn("contributor@example.com", NewsroomFixtures.password)
            #expect(!(try await contributor.open("/admin/articles/new")).contains("Upload and insert"))
            let refused = try await Self.insert(
                contributor, fields: ["title": "Mine", "body_image_alt": "A square"], picture: MediaTests.png)
            #expect(refused.status == .unprocessableContent)
            #expect(try await site.services.media.page(PageRequest(number: 1, size: 10)!).totalItems == 0)
        }
    }
}
