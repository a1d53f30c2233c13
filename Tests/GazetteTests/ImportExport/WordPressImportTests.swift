import Foundation
import GazetteContent
import GazetteStorage
import GazetteTestSupport
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import Gazette
@testable import GazetteServices
@testable import GazetteWeb

@Suite("Importing a WordPress export")
struct WordPressImportTests {
    static func importFixture(
        _ services: AppServices, text: String = WordPressExportFixture.text()
    ) async throws
        -> WordPressImportReport
    {
        let file = try WordPressExportFixture.file(text)
        defer { try? FileManager.default.removeItem(at: file) }
        return try await services.wordPressImport().run(file: file.path)
    }

    @Test("posts, pages and comments become a site where every old address redirects", arguments: TestEngine.available)
    func wholeSite(engine: TestEngine) async throws {
        try await TestSite.run(engine) { site in
            let report = try await Self.importFixture(site.services)
            #expect(report.articles == 8 && report.pages == 1, "\(report.summary)")
            #expect(report.byStatus == [.published: 3, .draft: 4, .scheduled: 1, .trashed: 1])
            #expect(report.comments == 8 && report.orphanedReplies == 1)
            #expect(report.skipped.map(\.reason).contains { $0.contains("nav_menu_item") })
            #expect(report.skipped.contains { $0.reason.contains("automatic draft") })
            #expect(report.notes.contains { $0.reason.contains("already past; imported as a draft") })
            #expect(report.notes.contains { $0.reason.contains("“News” became a tag") })
            #expect(report.unknownShortcodes == ["contact-form-7": 1])
            #expect(report.sticky == 1 && report.attachments == 1)
            #expect(
                report.newAuthors.map(\.email).sorted() == [
                    "ana@herald.example", "bjorn@imported.invalid", "someone-else@imported.invalid",
                ])
            #expect(report.newAuthors.allSatisfy { $0.link.hasPrefix("https://news.example.com/admin/invite/") })

            let page = try await site.get("/2024/03/05/ferry-returns/")
            #expect(page.status == .ok)
            #expect(page.contains("<h1") && page.contains("Ferry “Nordlys” returns &amp; sails"))
            #expect(page.contains("<p>The ferry is back.</p>"))
            // Imported HTML is cleaned, which writes `<br>` without the XHTML slash.
            #expect(page.contains("A ]]&gt; split CDATA section.<br>"))
            #expect(page.contains("<figcaption") && page.contains("The Nordlys at the quay"))
            #expect(page.contains("[contact-form-7 id=\"5\"]") || page.contains("[contact-form-7 id=&quot;5&quot;]"))
            #expect(!page.contains("<!--more-->"))
            #expect(page.contains(#"href="/category/port/""#) && page.contains(#"href="/tag/c-plus-plus/""#))
            #expect(page.contains("https://herald.example/wp-content/uploads/2024/03/nordlys.jpg"))
            #expect(page.contains("A white ferry"), "the attachment's alternative text describes the featured image")
            #expect(page.contains("/author/ana/") && page.contains("Ana Müller"))
            // Threads: the reply listed before its parent still sits under it, three levels deep.
            let bo = try #require(page.body.range(of: "Great <b>news</b>!") ?? page.body.range(of: "Great news!"))
            let cy = try #require(page.body.range(of: "Agreed with Bo."))
            let di = try #require(page.body.range(of: "And a third level."))
            #expect(bo.lowerBound < cy.lowerBound && cy.lowerBound < di.lowerBound)
            #expect(page.contains("depth-3"), "the third level is nested two below its thread")
            #expect(page.contains("Bo &amp; Co") && page.contains("Lost reply."))
            for hidden in ["Pending words", "Buy pills", "Binned words", "reader100@reader.example"] {
                #expect(!page.contains(hidden))
            }

            let shortLink = try await site.get("/?p=10")
            #expect(shortLink.status == .movedPermanently && shortLink.location == "/2024/03/05/ferry-returns/")
            let about = try await site.get("/about/")
            #expect(about.status == .movedPermanently)
            let aboutPage = try await site.get(try #require(about.location))
            #expect(aboutPage.status == .ok && aboutPage.contains("We report on the harbour."))
            #expect(try await site.get("/?page_id=20").location == about.location)
            #expect(try await site.get("/?attachment_id=30").location == "/2024/03/05/ferry-returns/")
            // The percent-encoded slug becomes an ASCII one; the old address leads to it.
            let umlautLink = try await site.get("/2024/04/01/%c3%bcber-die-br%c3%bccke/")
            #expect(umlautLink.location == "/2024/04/01/uber-die-brucke/")
            let umlaut = try await site.get("/2024/04/01/uber-die-brucke/")
            #expect(umlaut.status == .ok && umlaut.contains("<p>Block editor text.</p>"), "\(umlaut.status)")
            #expect(!umlaut.contains("id=\"commentform\""), "comments closed on WordPress stay closed")

            let front = try await site.get("/")
            #expect(front.contains("Ferry “Nordlys”") && !front.contains("About us"), "pages stay off the front page")
            #expect(!(try await site.get("/feed/")).contains("About us"))
            for absent in ["Draft piece", "Binned story", "Coming in the new year", "Private memo"] {
                #expect(!front.contains(absent))
            }
            let category = try await site.get("/category/port/")
            #expect(category.status == .ok && category.contains("Port &amp; Ships"))
            #expect((try await site.get("/tag/ferries/")).contains("Ferry “Nordlys”"))
            let parent = try await site.services.database.read { db in
                try await db.raw(
                    "SELECT p.slug FROM categories c JOIN categories p ON p.id = c.parent_id WHERE c.slug = 'port'"
                ).first()?.decode(column: "slug", as: String.self)
            }
            #expect(parent == "news")
        }
    }

    @Test("--fetch-media copies the images posts use from a local uploads folder, once, and points at them")
    func fetchMedia() async throws {
        try await TestSite.run(.sqlite) { site in
            let uploads = FileManager.default.temporaryDirectory.appendingPathComponent("uploads-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: uploads) }
            let folder = uploads.appendingPathComponent("2024/03")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(MediaTests.png).write(to: folder.appendingPathComponent("nordlys.jpg"))
            let file = try WordPressExportFixture.file()
            defer { try? FileManager.default.removeItem(at: file) }
            let report = try await site.services.wordPressImport().run(file: file.path, media: uploads.path)
            #expect(report.mediaCopied == 1 && report.mediaNotFound == 0, "\(report.summary)")
            let page = try await site.get("/2024/03/05/ferry-returns/")
            #expect(!page.contains("herald.example/wp-content/uploads"), "every use now points at the library")
            let media = try #require(page.body.range(of: #"src="/media/[^"]+""#, options: .regularExpression))
            let path = String(page.body[media].dropFirst(5).dropLast())
            #expect(try await site.get(path).status == .ok)
            #expect(page.count(path) >= 3, "the featured image, the caption and the gallery")

            // Addresses that lead outside the folder are never followed.
            let outside = WordPressMedia(library: site.services.media, uploads: .folder(folder))
            var article = try #require(try await site.services.articles.find(id: 1)).asValidArticle()
            article.bodyHTML = #"<img src="https://old.example/wp-content/uploads/../nordlys.jpg">"#
            let localized = await outside.localize(article, alt: "x")
            #expect(localized.bodyHTML == article.bodyHTML && outside.report == .init())
        }
    }

    @Test("--fetch-media with an address fetches the images from the server that has them")
    func fetchMediaOverHTTP() async throws {
        let router = Router()
        router.get("wp-content/uploads/2024/03/nordlys.jpg") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "image/png"],
                body: .init(byteBuffer: ByteBuffer(bytes: MediaTests.png)))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))/wp-content/uploads"
            try await TestSite.run(.sqlite) { site in
                let file = try WordPressExportFixture.file()
                defer { try? FileManager.default.removeItem(at: file) }
                let report = try await site.services.wordPressImport().run(file: file.path, media: base)
                #expect(report.mediaCopied == 1, "\(report.summary)")
                #expect(
                    !(try await site.get("/2024/03/05/ferry-returns/")).contains("herald.example/wp-content/uploads"))
            }
        }
    }

    @Test("without the files, --fetch-media keeps the old addresses and says how many were missing")
    func fetchMediaMissing() async throws {
        try await TestSite.run(.sqlite) { site in
            let uploads = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: uploads, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: uploads) }
            let file = try WordPressExportFixture.file()
            defer { try? FileManager.default.removeItem(at: file) }
            let report = try await site.services.wordPressImport().run(file: file.path, media: uploads.path)
            #expect(report.mediaCopied == 0 && report.mediaNotFound == 1)
            #expect(report.summary.contains { $0.contains("1 not in the folder") })
            #expect((try await site.get("/2024/03/05/ferry-returns/")).contains("herald.example/wp-content/uploads"))
            await #expect(throws: ImportError.self) {
                _ = try await site.services.wordPressImport().run(
                    file: file.path, media: uploads.appendingPathComponent("nope").path)
            }
        }
    }

    @Test("running the same import again adds nothing and changes nothing", arguments: TestEngine.available)
    func idempotent(engine: TestEngine) async throws {
        try await TestSite.run(engine) { site in
            _ = try await Self.importFixture(site.services)
            let before = try await Self.counts(site.services)
            let again = try await Self.importFixture(site.services)
            #expect(again.articles == 0 && again.pages == 0 && again.comments == 0 && again.newAuthors.isEmpty)
            #expect(again.alreadyImported == 9 && again.commentsAlreadyImported == 8, "\(again.summary)")
            let after = try await Self.counts(site.services)
            #expect(after == before)
        }
    }

    @Test("an export with new comments adds only those, under their parents", arguments: [TestEngine.sqlite])
    func newerExport(engine: TestEngine) async throws {
        try await TestSite.run(engine) { site in
            _ = try await Self.importFixture(site.services)
            let newer = WordPressExportFixture.text().replacingOccurrences(
                of: "<wp:comment><wp:comment_id>102</wp:comment_id>",
                with: """
                    <wp:comment><wp:comment_id>108</wp:comment_id><wp:comment_author>Hal</wp:comment_author>
                    <wp:comment_content>A late reply.</wp:comment_content><wp:comment_approved>1</wp:comment_approved>
                    <wp:comment_parent>102</wp:comment_parent><wp:comment_date_gmt>2024-03-06 10:00:00</wp:comment_date_gmt></wp:comment>
                    <wp:comment><wp:comment_id>102</wp:comment_id>
                    """)
            let report = try await Self.importFixture(site.services, text: newer)
            #expect(report.comments == 1 && report.alreadyImported == 9)
            let page = try await site.get("/2024/03/05/ferry-returns/")
            #expect(page.contains("A late reply.") && page.contains("depth-4"))
        }
    }

    @Test(
        "a broken file is refused with its line and column, and the site is left as it was",
        arguments: TestEngine.available)
    func brokenFile(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let before = try await Self.counts(site.services)
            let text = WordPressExportFixture.text()
            let truncated = String(text.prefix(text.count * 2 / 3))
            await #expect {
                _ = try await Self.importFixture(site.services, text: truncated)
            } throws: { error in
                "\(error)".contains("line ") && "\(error)".contains("Nothing was imported")
            }
            let broken = text.replacingOccurrences(
                of: "<wp:post_id>17</wp:post_id>", with: "<wp:post_id>17</wp:postid>")
            await #expect(throws: ImportError.self) { _ = try await Self.importFixture(site.services, text: broken) }
            #expect(try await Self.counts(site.services) == before)
        }
    }

    /// Rows of every table an import writes to.
    static func counts(_ services: AppServices) async throws -> [String: Int] {
        try await services.database.read { db in
            var counts: [String: Int] = [:]
            for table in [
                "articles", "comments", "authors", "categories", "tags", "article_tags", "redirects", "import_keys",
                "article_revisions",
            ] {
                counts[table] = try await db.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(
                    column: "n", as: Int.self)
            }
            return counts
        }
    }
}

extension ArticleDetails {
    /// The stored article as the shape the stores write, for tests that change one field.
    func asValidArticle() throws -> ValidArticle {
        try ArticleDraft(
            title: summary.title, slug: summary.slug.value, bodyMarkdown: bodyMarkdown, bodyHTML: bodyHTML,
            status: summary.status, publishedAt: summary.publishedAt, authorID: authorID
        ).validated(now: TestSite.now)
    }
}
