import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import Logging
import Synchronization
import Testing

@testable import GazetteServices
@testable import GazetteWeb

/// A JPEG of the given size, drawn by libvips' own `vips` program (installed with `vipsthumbnail`).
enum TestPicture {
    static func jpeg(width: Int, height: Int) throws -> [UInt8] {
        let resizer = ImageResizer.find()
        let vips = try #require(
            resizer.program?.deletingLastPathComponent().appendingPathComponent("vips"),
            "libvips' programs are not installed (Debian: apt-get install libvips-tools); the test command installs them"
        )
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("picture-\(UUID().uuidString).jpg")
        defer { try? FileManager.default.removeItem(at: file) }
        // A grey ramp: a real photograph-sized JPEG, not a blank one.
        let process = try ChildProcess.start(
            vips.path, arguments: ["xyz", file.path + "[Q=90]", String(width), String(height)])
        #expect(process.waitBlocking() == .exited(0))
        return Array(try Data(contentsOf: file))
    }
}

/// Log lines, kept for a test to read.
final class LogLines: Sendable {
    let lines = Mutex<[String]>([])

    var logger: Logger {
        Logger(label: "test") { _ in Handler(lines: self) }
    }

    struct Handler: LogHandler {
        let lines: LogLines
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            lines.lines.withLock { $0.append(event.message.description) }
        }
    }
}

@Suite("Responsive images")
struct ResponsiveImageTests {
    static func srcset(_ attribute: String, in html: String) -> [(url: String, width: Int)] {
        guard let match = html.firstMatch(of: try! Regex(#"\#(attribute)="([^"]*)""#)),
            let list = match.output[1].substring
        else { return [] }
        return list.split(separator: ",").compactMap { candidate in
            let parts = candidate.split(separator: " ")
            guard parts.count == 2, parts[1].hasSuffix("w"), let width = Int(parts[1].dropLast()) else { return nil }
            return (String(parts[0]), width)
        }
    }

    @Test(
        "a 2400 px JPEG uploaded is served with srcset and sizes on the article and the front page, each copy a real image of its width",
        arguments: TestEngine.available)
    func servedBySize(engine: TestEngine) async throws {
        let picture = try TestPicture.jpeg(width: 2400, height: 1600)
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            let uploaded = try await MediaTests.upload(editor, bytes: picture, fileName: "Quay at dusk.jpg")
            #expect(uploaded.status == .seeOther, "\(uploaded.body.prefix(300))")
            let item = try #require(
                try await site.services.media.page(PageRequest(number: 1, size: 5)!).items.first)
            let original = SiteURL.media(item.path)
            let saved = try await editor.post(
                "/admin/articles/new",
                ArticleEditorTests.form(
                    [
                        "title": "Quay at dusk", "body": "Evening light.", "image_url": original,
                        "image_alt": "The quay at dusk", "action": "publish",
                    ], csrf: try await editor.csrf()))
            #expect(saved.status == .seeOther)

            let page = try await site.get("/2026/11/28/quay-at-dusk/")
            #expect(page.status == .ok)
            let stem = String(original.dropLast(4))
            let jpegs = Self.srcset("srcset", in: page.body.components(separatedBy: "<img").dropFirst().joined())
            let webps = Self.srcset(
                "srcset", in: page.body.components(separatedBy: #"<source type="image/webp""#).dropFirst().joined())
            #expect(jpegs.map(\.url) == [480, 960, 1600].map { "\(stem)-\($0)w.jpg" })
            #expect(webps.map(\.url) == [480, 960, 1600].map { "\(stem)-\($0)w.webp" })
            #expect(page.contains(#"<img src="\#(original)""#), "the original stays the fallback")
            #expect(page.contains(#"sizes="\#(ImageSizes.article)""#))
            for (url, width) in jpegs + webps {
                let copy = try await site.download(url)
                #expect(copy.status == .ok, "\(url)")
                let image = try MediaRules.check(copy.bytes).get()
                #expect(image.size == ImageSize(width: width, height: Int((Double(width) * 2 / 3).rounded())), "\(url)")
                #expect(image.format == (url.hasSuffix(".webp") ? .webp : .jpeg), "\(url)")
                #expect(copy.headers[.contentType] == image.format.mimeType)
            }
            // The original is still there, whole.
            #expect(try MediaRules.check(try await site.download(original).bytes).get().size.width == 2400)
            // The front page's card lists the copies too, with the card's sizes.
            let front = try await site.get("/")
            #expect(front.contains("\(stem)-480w.webp 480w") && front.contains(#"sizes="\#(ImageSizes.card)""#))
            // Feeds keep the large one.
            let feed = try await site.get("/feed/")
            #expect(feed.contains(original) && !feed.contains("-480w."))

            // Deleting the image removes its copies.
            let deleted = try await editor.post(
                "/admin/media/\(item.id)/delete", ["csrf_token": try await editor.csrf()])
            #expect(deleted.status == .seeOther)
            #expect(try await site.get("\(stem)-480w.jpg").status == .notFound)
        }
    }

    @Test("an image narrower than a copy gets only the smaller copies; a PNG gets PNG and WebP ones")
    func onlySmaller() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("variants-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("2026/11"), withIntermediateDirectories: true)
        let picture = try TestPicture.jpeg(width: 1000, height: 500)
        try Data(picture).write(to: folder.appendingPathComponent("2026/11/pier-abc123.jpg"))
        let variants = ImageVariants(folder: folder, resizer: ImageResizer.find())
        #expect(
            await variants.make(
                for: "2026/11/pier-abc123.jpg", format: .jpeg, size: ImageSize(width: 1000, height: 500)) == 4)
        let found = try #require(variants.copies(of: "/media/2026/11/pier-abc123.jpg"))
        #expect(found.sameFormat.map(\.width) == [480, 960] && found.webp.map(\.width) == [480, 960])
        #expect(variants.copies(of: "https://elsewhere.example/pier.jpg") == nil)
        #expect(variants.copies(of: "/media/../../etc/passwd") == nil)
        #expect(ImageVariants.formats(for: .png) == [.png, .webp] && ImageVariants.formats(for: .gif).isEmpty)
    }

    @Test("without the resizing program uploads are served as they came, and the log says so once")
    func withoutTheProgram() async throws {
        let log = LogLines()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("variants-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let variants = ImageVariants(folder: folder, resizer: ImageResizer(program: nil), logger: log.logger)
        for _ in 0..<3 {
            #expect(await variants.make(for: "2026/11/pier-abc123.jpg", format: .jpeg, size: nil) == 0)
        }
        let said = log.lines.withLock { $0 }
        #expect(said.count == 1 && said[0].contains("apt-get install libvips-tools"), "\(said)")
        #expect(ImageResizer.configured(environment: ["GAZETTE_VIPSTHUMBNAIL": "off"]).program == nil)
        #expect(ImageResizer.configured(environment: ["PATH": "/nowhere"]).program == nil)

        // The site without it: the page shows the original only.
        let picture = try TestPicture.jpeg(width: 1200, height: 800)
        try await TestSite.run(
            .sqlite, configure: { $0.imageResizer = ImageResizer(program: nil) }, seed: NewsroomFixtures.seed
        ) { site in
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            _ = try await MediaTests.upload(editor, bytes: picture, fileName: "Pier.jpg")
            let item = try #require(
                try await site.services.media.page(PageRequest(number: 1, size: 5)!).items.first)
            _ = try await editor.post(
                "/admin/articles/new",
                ArticleEditorTests.form(
                    [
                        "title": "Pier at noon", "body": "Light.", "image_url": SiteURL.media(item.path),
                        "image_alt": "The pier", "action": "publish",
                    ], csrf: try await editor.csrf()))
            let page = try await site.get("/2026/11/28/pier-at-noon/")
            #expect(page.contains(#"<img src="\#(SiteURL.media(item.path))" alt="The pier">"#))
            #expect(!page.contains("srcset"))
        }
    }
}
