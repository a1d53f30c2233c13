import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import HTTPTypes
import NIOCore
import Testing

@testable import GazetteServices
@testable import GazetteWeb

/// A `multipart/form-data` body as a browser builds it.
struct MultipartBody {
    let boundary = "----GazetteTest\(UUID().uuidString.prefix(8))"
    var bytes: [UInt8] = []

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    mutating func field(_ name: String, _ value: String) {
        bytes += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
    }

    mutating func file(_ name: String, fileName: String, type: String, _ content: [UInt8]) {
        bytes += Array(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(fileName)\"\r\nContent-Type: \(type)\r\n\r\n"
                .utf8)
        bytes += content + Array("\r\n".utf8)
    }

    func finished() -> ByteBuffer {
        ByteBuffer(bytes: bytes + Array("--\(boundary)--\r\n".utf8))
    }
}

extension Staff {
    func send(_ path: String, _ body: MultipartBody) async throws -> Fetched {
        try await site.post(path, body: body.finished(), contentType: body.contentType, headers: headers)
    }
}

@Suite("Media uploads")
struct MediaTests {
    /// A real 3 × 2 red PNG.
    static let png: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
        0x00, 0x03, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0x12, 0x16, 0xF1, 0x4D, 0x00, 0x00, 0x00,
        0x10, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x38, 0xA3, 0xA4, 0x04, 0x41, 0x0C, 0x70, 0x16, 0x00, 0x43,
        0xD0, 0x06, 0x61, 0xCC, 0xD3, 0x5C, 0xC1, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60,
        0x82,
    ]

    static func upload(
        _ staff: Staff, bytes: [UInt8] = png, fileName: String = "Harbour at dawn.png", alt: String = "Boats at dawn",
        credit: String = "Ana Photo"
    ) async throws -> Fetched {
        var body = MultipartBody()
        body.field("csrf_token", try await staff.csrf())
        body.file("file", fileName: fileName, type: "image/png", bytes)
        body.field("alt", alt)
        body.field("caption", "")
        body.field("credit", credit)
        return try await staff.send("/admin/media", body)
    }

    @Test(
        "an uploaded image is kept with its text and served under /media/ with long caching",
        arguments: TestEngine.available)
    func upload(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var author = Staff(site: site)
            _ = try await author.signIn("author@example.com", NewsroomFixtures.password)
            let uploaded = try await Self.upload(author)
            #expect(uploaded.status == .seeOther, "\(uploaded.body.prefix(300))")
            let itemPage = try await author.open(try #require(uploaded.location))
            #expect(itemPage.contains("Uploaded.") && itemPage.contains("Ana Photo"))
            #expect(itemPage.contains("PNG · 3 × 2"))
            let address = try #require(
                itemPage.body.firstMatch(of: /src="(\/media\/\d{4}\/\d{2}\/harbour-at-dawn-[0-9a-f]{6}\.png)"/)?.output
                    .1)
            #expect(itemPage.contains("![Boats at dawn](\(address))"))

            let file = try await site.get(String(address))
            #expect(file.status == .ok)
            #expect(file.headers[.contentType] == "image/png")
            #expect(file.headers[.cacheControl] == "public, max-age=31536000, immutable")
            #expect(file.headers[.contentLength] == String(Self.png.count))
            #expect(file.headers[.contentSecurityPolicy]?.hasSuffix("; sandbox") == true)
            let tag = try #require(file.headers[.eTag])
            var conditional = HTTPFields()
            conditional[.ifNoneMatch] = tag
            #expect(try await site.get(String(address), headers: conditional).status == .notModified)

            let library = try await author.open("/admin/media")
            #expect(library.contains(#"alt="Boats at dawn""#) && library.contains("Harbour at dawn.png"))
            let stored = site.services.media.folder.appendingPathComponent(String(address.dropFirst("/media/".count)))
            #expect(FileManager.default.contents(atPath: stored.path).map(Array.init) == Self.png)
        }
    }

    @Test("files that are not usable images are refused with a clear message", arguments: [TestEngine.sqlite])
    func refusals(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var author = Staff(site: site)
            _ = try await author.signIn("author@example.com", NewsroomFixtures.password)
            let script = try await Self.upload(
                author, bytes: Array("<svg onload=alert(1)></svg>".utf8), fileName: "photo.jpg")
            #expect(script.status == .unprocessableContent)
            #expect(script.contains("not an image Gazette can use"))
            #expect(script.contains(#"value="Boats at dawn""#), "the text typed is kept")
            let empty = try await Self.upload(author, bytes: [], fileName: "empty.png")
            #expect(empty.status == .unprocessableContent && empty.contains("The file is empty"))
            let noAlt = try await Self.upload(author, alt: "  ")
            #expect(noAlt.status == .unprocessableContent && noAlt.contains("Describe the image"))
            let huge = try await Self.upload(author, bytes: Self.png + [UInt8](repeating: 0, count: 10 * 1024 * 1024))
            #expect(huge.status == .unprocessableContent && huge.contains("images can be at most 10 MB"))
            let cut = try await Self.upload(author, bytes: Array(Self.png.dropLast(12)))
            #expect(cut.status == .unprocessableContent && cut.contains("This PNG file is cut short"))
            // A 70-byte PNG that claims 50,000 × 50,000 pixels: readers' browsers would need 10 GB to draw it.
            var bomb = Self.png
            bomb.replaceSubrange(16..<24, with: [0x00, 0x00, 0xC3, 0x50, 0x00, 0x00, 0xC3, 0x50])
            let bombed = try await Self.upload(author, bytes: bomb)
            #expect(bombed.status == .unprocessableContent && bombed.contains("50,000 × 50,000 pixels"))
            var broken = MultipartBody()
            broken.field("csrf_token", try await author.csrf())
            let truncated = ByteBuffer(bytes: broken.bytes)
            let answer = try await site.post(
                "/admin/media", body: truncated, contentType: broken.contentType, headers: author.headers)
            #expect(answer.status == .badRequest && answer.contains("The form could not be read"))
            #expect(try await site.services.media.page(PageRequest(number: 1, size: 10)!).totalItems == 0)
            let folder = site.services.media.folder.path
            let files = (try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? []
            #expect(files.filter { $0.hasSuffix(".png") || $0.hasSuffix(".jpg") || $0.hasSuffix(".part") }.isEmpty)
        }
    }

    @Test(
        "only authors and above upload; forms without the session's token are refused", arguments: [TestEngine.sqlite])
    func access(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            #expect(try await site.get("/admin/media").status == .seeOther)
            var contributor = Staff(site: site)
            _ = try await contributor.signIn("contributor@example.com", NewsroomFixtures.password)
            #expect(try await contributor.open("/admin/media").status == .forbidden)
            #expect(try await Self.upload(contributor).status == .forbidden)
            var author = Staff(site: site)
            _ = try await author.signIn("author@example.com", NewsroomFixtures.password)
            var forged = MultipartBody()
            forged.field("csrf_token", "not-the-token")
            forged.file("file", fileName: "a.png", type: "image/png", Self.png)
            forged.field("alt", "x")
            #expect(try await author.send("/admin/media", forged).status == .forbidden)
            for path in [
                "/media/../gazette.sqlite", "/media/2026/11/../../gazette.sqlite", "/media/2026/11/x.sqlite",
                "/media/2026/11/.hidden.png", "/media/2026/11/missing-abcdef.png",
            ] {
                #expect(try await site.get(path).status == .notFound, "\(path)")
            }
        }
    }

    @Test("people change their own uploads; editors change any", arguments: [TestEngine.sqlite])
    func editAndDelete(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var author = Staff(site: site)
            _ = try await author.signIn("author@example.com", NewsroomFixtures.password)
            let itemPath = try #require(try await Self.upload(author).location?.components(separatedBy: "?").first)
            var admin = Staff(site: site)
            _ = try await admin.signIn("admin@example.com", NewsroomFixtures.password)
            let renamed = try await admin.post(
                itemPath,
                pairs: [
                    ("csrf_token", try await admin.csrf()), ("alt", "Fishing boats"), ("caption", "At dawn"),
                    ("credit", ""),
                ])
            #expect(renamed.status == .seeOther)
            #expect(try await author.open(itemPath).contains(#"value="Fishing boats""#))
            let emptied = try await admin.post(
                itemPath, pairs: [("csrf_token", try await admin.csrf()), ("alt", ""), ("caption", ""), ("credit", "")])
            #expect(emptied.status == .unprocessableContent && emptied.contains("Describe the image"))
            let item = try #require(try await site.services.media.page(PageRequest(number: 1, size: 10)!).items.first)
            let deleted = try await author.post(itemPath + "/delete", pairs: [("csrf_token", try await author.csrf())])
            #expect(deleted.status == .seeOther)
            #expect(try await site.get(SiteURL.media(item.path)).status == .notFound)
            #expect(try await author.open(itemPath).status == .notFound)
        }
    }

    @Test(
        "an author uploads a featured image from the editor and readers see it on the article",
        arguments: TestEngine.available)
    func featuredImage(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var author = Staff(site: site)
            _ = try await author.signIn("author@example.com", NewsroomFixtures.password)
            var body = MultipartBody()
            for (name, value) in [
                ("csrf_token", try await author.csrf()), ("revision", "0"), ("title", "Boats return to the harbour"),
                ("body", "The fleet is back."), ("status", "published"), ("published_at", "2026-11-28 20:00"),
                ("comments", "open"), ("image_alt", ""), ("image_caption", "Back at last"),
                ("image_credit", "Ana Photo"),
            ] { body.field(name, value) }
            body.file("image_file", fileName: "fleet.png", type: "image/png", Self.png)
            let missingAlt = try await author.send("/admin/articles/new", body)
            #expect(missingAlt.status == .unprocessableContent)
            #expect(
                missingAlt.contains("Describe the image")
                    && missingAlt.contains(#"value="Boats return to the harbour""#))

            var fixed = MultipartBody()
            for (name, value) in [
                ("csrf_token", try await author.csrf()), ("revision", "0"), ("title", "Boats return to the harbour"),
                ("body", "The fleet is back."), ("status", "published"), ("published_at", "2026-11-28 20:00"),
                ("comments", "open"), ("image_alt", "Fishing boats moored"), ("image_caption", "Back at last"),
                ("image_credit", "Ana Photo"),
            ] { fixed.field(name, value) }
            fixed.file("image_file", fileName: "fleet.png", type: "image/png", Self.png)
            let saved = try await author.send("/admin/articles/new", fixed)
            #expect(saved.status == .seeOther, "\(saved.body.prefix(300))")
            let page = try await site.get("/2026/11/28/boats-return-to-the-harbour/")
            let image = try #require(page.body.firstMatch(of: /<img[^>]*src="(\/media\/[^"]+\.png)"[^>]*>/))
            #expect(image.output.0.contains(#"alt="Fishing boats moored""#))
            #expect(page.contains("Ana Photo"))
            #expect(try await site.get(String(image.output.1)).status == .ok)

            var contributor = Staff(site: site)
            _ = try await contributor.signIn("contributor@example.com", NewsroomFixtures.password)
            var refused = MultipartBody()
            for (name, value) in [
                ("csrf_token", try await contributor.csrf()), ("revision", "0"), ("title", "Mine"), ("body", "x"),
                ("status", "draft"), ("comments", "open"), ("image_alt", "A thing"),
            ] { refused.field(name, value) }
            refused.file("image_file", fileName: "x.png", type: "image/png", Self.png)
            let answer = try await contributor.send("/admin/articles/new", refused)
            #expect(answer.status == .unprocessableContent && answer.contains("Your role cannot upload images"))
        }
    }
}
