import CompressNIO
import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import HTTPTypes
import Hummingbird
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Page cache")
struct PageCacheTests {
    static let article = CommentFixtures.article
    static let oldArticle = "/2026/10/19/october-feature/"

    /// On PostgreSQL the cache empties once when the change listener comes up (a page kept before it
    /// listened could be stale); on a busy machine that can be seconds in. Tests that count hits wait for it.
    static func waitForListener(_ site: TestSite) async throws {
        let started = Date()
        while try await site.get("/2026/").headers[.gazetteCache] != "hit", Date().timeIntervalSince(started) < 30 {
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    static func fields(_ pairs: [HTTPField.Name: String]) -> HTTPFields {
        var fields = HTTPFields()
        for (name, value) in pairs { fields[name] = value }
        return fields
    }

    @Test(
        "the second request is served from memory: gzip when asked, 304 when the client has it, HEAD with its length",
        arguments: TestEngine.available)
    func hits(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: CommentFixtures.seed()) { site in
            try await Self.waitForListener(site)
            for path in [Self.article, "/", "/feed/", "/sitemap.xml", "/robots.txt", "/tag/council/"] {
                let first = try await site.get(path)
                #expect(first.status == .ok && first.headers[.gazetteCache] == "miss", "\(path)")
                let second = try await site.get(path)
                #expect(second.headers[.gazetteCache] == "hit", "\(path)")
                #expect(second.body == first.body, "\(path)")
                #expect(second.headers[.vary] == "Accept-Encoding")
                #expect(
                    second.headers[HTTPField.Name("X-Frame-Options")!] == "SAMEORIGIN")
                let eTag = try #require(second.headers[.eTag])
                #expect(second.headers[.cacheTags] == nil, "internal tags never leave the server")

                let zipped = try await site.client.executeRequest(
                    uri: path, method: .get, headers: Self.fields([.acceptEncoding: "br, gzip;q=0.8"]), body: nil)
                var compressed = zipped.body
                if zipped.headers[.contentEncoding] == "gzip" {
                    let plain = try compressed.decompress(with: .gzip())
                    #expect(String(buffer: plain) == first.body, "\(path)")
                    #expect(zipped.headers[.eTag] != eTag, "each encoding has its own validator")
                    #expect(zipped.headers[.contentLength] == String(zipped.body.readableBytes))
                } else {
                    #expect(path == "/robots.txt", "only tiny answers go uncompressed: \(path)")
                }

                let again = try await site.get(path, headers: Self.fields([.ifNoneMatch: eTag]))
                #expect(again.status == .notModified && again.body.isEmpty, "\(path)")
                let head = try await site.head(path)
                #expect(head.status == .ok && head.body.readableBytes == 0)
                #expect(head.headers[.contentLength] == String(first.body.utf8.count), "\(path)")
            }
            let feed = try await site.get("/feed/")
            let stamp = try #require(feed.headers[.lastModified])
            let unchanged = try await site.get("/feed/", headers: Self.fields([.ifModifiedSince: stamp]))
            #expect(feed.headers[.gazetteCache] == "hit" && unchanged.status == .notModified)
            let refused = try await site.get("/", headers: Self.fields([.acceptEncoding: "gzip;q=0"]))
            #expect(refused.headers[.contentEncoding] == nil)
        }
    }

    @Test("staff, readers with their own details and made-up queries get fresh pages", arguments: [TestEngine.sqlite])
    func bypass(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: CommentFixtures.seed()) { site in
            _ = try await site.get(Self.article)
            for cookie in ["gazette_session=abc", "gazette_commenter=abc", "x=1; gazette_pending=abc"] {
                let page = try await site.get(Self.article, headers: Self.fields([.cookie: cookie]))
                #expect(page.status == .ok && page.headers[.gazetteCache] == nil, "\(cookie)")
            }
            let junk = try await site.get("/?utm_source=x")
            #expect(junk.status == .ok && junk.headers[.gazetteCache] == nil)
            _ = try await site.get("/search?q=library")
            #expect(try await site.get("/search?q=library").headers[.gazetteCache] == "hit")
            #expect(try await site.get("/no-such-page/").headers[.gazetteCache] == nil, "errors are not kept")
            #expect(try await site.get("/admin/login").headers[.gazetteCache] == nil)
        }
    }

    /// One way content changes, and what a reader must see at once afterwards.
    struct WritePath: Sendable, CustomTestStringConvertible {
        let name: String
        let paths: [String]
        let write: @Sendable (TestSite) async throws -> Void
        let check: @Sendable ([String: Fetched]) -> Bool
        var testDescription: String { name }
    }

    static func jane(_ site: TestSite) async throws -> Author {
        try #require(try await site.services.authors.find(slug: Slug(trusted: "jane-doe")))
    }

    static func approvedComment(_ site: TestSite, text: String) async throws -> GazetteContent.Comment {
        var reader = Reader(site: site)
        let answer = try await reader.comment(on: Self.article, text)
        let id = try #require(answer.commentID)
        try await site.services.comments.moderate(.approve, ids: [id])
        return try #require(try await site.services.comments.find(id: id))
    }

    static let writePaths: [WritePath] = [
        WritePath(
            name: "a new article", paths: ["/", "/feed/", "/sitemap-articles-1.xml", "/tag/council/"],
            write: { site in
                try await site.services.publishing.save(
                    ArticleDraft(
                        title: "Bridge reopens", bodyMarkdown: "Traffic flows.", status: .published,
                        publishedAt: TestSite.now.addingTimeInterval(-60), authorID: try await jane(site).id,
                        tags: ["Council"]))
            }, check: { pages in pages.values.allSatisfy { $0.contains("bridge-reopens") } }),
        WritePath(
            name: "an edited headline", paths: [Self.article, "/"],
            write: { site in
                let id = try #require(
                    try await site.services.articles.id(forSlug: Slug(trusted: "council-approves-the-new-library")))
                let current = try #require(try await site.services.articles.find(id: id))
                var draft = current.draft
                draft.title = "Council approves the new library, at last"
                try await site.services.publishing.save(draft, id: id)
            }, check: { pages in pages.values.allSatisfy { $0.contains("at last") } }),
        WritePath(
            name: "an article moved to the trash", paths: [Self.article, "/"],
            write: { site in
                let id = try #require(
                    try await site.services.articles.id(forSlug: Slug(trusted: "council-approves-the-new-library")))
                let current = try #require(try await site.services.articles.find(id: id))
                try await site.services.publishing.change(
                    current, to: .trashed, expectedRevision: current.revision, savedBy: nil)
            },
            check: { pages in
                pages[Self.article]?.status == .notFound && pages["/"]?.contains("Council approves") == false
            }),
        WritePath(
            name: "a batch of new articles", paths: ["/"],
            write: { site in
                let jane = try await jane(site)
                let drafts = ["Ferry one", "Ferry two"].map {
                    ArticleDraft(
                        title: $0, bodyMarkdown: "Crossing.", status: .published,
                        publishedAt: TestSite.now.addingTimeInterval(-30), authorID: jane.id)
                }
                try await site.services.publishing.saveNew(try await site.services.publishing.prepareNew(drafts))
            }, check: { pages in pages["/"]?.contains("Ferry two") == true }),
        WritePath(
            name: "a scheduled article coming out", paths: ["/"],
            write: { site in
                let saved = try await site.services.publishing.save(
                    ArticleDraft(
                        title: "Timed story", bodyMarkdown: "Now.", status: .scheduled,
                        publishedAt: TestSite.now.addingTimeInterval(3_600), authorID: try await jane(site).id))
                // The schedule's time comes: the store flips it as the serve loop would an hour later.
                try await site.services.database.execute(
                    "UPDATE articles SET published_at = \(Int(TestSite.now.timeIntervalSince1970) - 5)"
                        + " WHERE id = \(saved.id)")
                #expect(try await site.services.publishing.publishDue() == 1)
            }, check: { pages in pages["/"]?.contains("Timed story") == true }),
        WritePath(
            name: "a comment approved in the queue", paths: [Self.article, "/comments/feed/", Self.article + "feed/"],
            write: { site in _ = try await approvedComment(site, text: "Long overdue, says the librarian") },
            check: { pages in pages.values.allSatisfy { $0.contains("Long overdue") } }),
        WritePath(
            name: "a comment approved on arrival", paths: [Self.article],
            write: { site in
                try await site.services.comments.updateSettings(["comments.policy": "approve-all"])
                var reader = Reader(site: site, name: "Bo Reader", email: "bo@example.com")
                try await reader.comment(on: Self.article, "Straight onto the page")
            }, check: { pages in pages[Self.article]?.contains("Straight onto the page") == true }),
        WritePath(
            name: "a comment edited", paths: [Self.article],
            write: { site in
                let comment = try await approvedComment(site, text: "Teh library")
                try await site.services.comments.edit(
                    id: comment.id, author: comment.authorName, email: comment.authorEmail, url: "",
                    text: "The library, corrected")
            }, check: { pages in pages[Self.article]?.contains("The library, corrected") == true }),
        WritePath(
            name: "a comment deleted", paths: [Self.article],
            write: { site in
                let comment = try await approvedComment(site, text: "Soon to vanish")
                _ = try await site.get(Self.article)
                try await site.services.comments.delete(ids: [comment.id])
            }, check: { pages in pages[Self.article]?.contains("Soon to vanish") == false }),
        WritePath(
            name: "a reply from the newsroom", paths: [Self.article],
            write: { site in
                let comment = try await approvedComment(site, text: "When does it open?")
                try await site.services.comments.staffReply(
                    to: comment, from: try await jane(site), text: "In the spring, says the council")
            }, check: { pages in pages[Self.article]?.contains("In the spring") == true }),
        WritePath(
            name: "the site's title", paths: ["/", Self.article, "/feed/"],
            write: { site in try await site.services.site.update(["site.title": "The Evening Test"]) },
            check: { pages in pages.values.allSatisfy { $0.contains("The Evening Test") } }),
        WritePath(
            name: "comments closing after some days", paths: [Self.oldArticle],
            write: { site in try await site.services.comments.updateSettings(["comments.close_after_days": "30"]) },
            check: { pages in pages[Self.oldArticle]?.contains("Comments are closed") == true }),
        WritePath(
            name: "an author's new name", paths: [Self.article, "/author/jane-doe/"],
            write: { site in
                try await site.services.people.updateProfile(
                    id: try await jane(site).id, name: "Janet Doe", slug: "jane-doe", bio: "", avatarURL: "",
                    email: "jane.private@example.com")
            }, check: { pages in pages.values.allSatisfy { $0.contains("Janet Doe") } }),
    ]

    @Test("after a write returns, the very next request shows it", arguments: TestEngine.available, writePaths)
    func freshAfterWrite(engine: TestEngine, path: WritePath) async throws {
        try await TestSite.run(engine, seed: CommentFixtures.seed()) { site in
            try await Self.waitForListener(site)
            for page in path.paths {
                _ = try await site.get(page)
                #expect(try await site.get(page).headers[.gazetteCache] == "hit", "\(page) was cached before")
            }
            try await path.write(site)
            var pages: [String: Fetched] = [:]
            for page in path.paths { pages[page] = try await site.get(page) }
            let fresh = path.check(pages)
            #expect(fresh, "\(path.name): \(pages.mapValues { $0.headers[.gazetteCache] ?? "-" })")
        }
    }

    @Test("a change made by a gazette command shows at the server's very next request", arguments: [TestEngine.sqlite])
    func changeFromAnotherProcess(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: CommentFixtures.seed()) { site in
            var reader = Reader(site: site)
            let posted = try await reader.comment(on: Self.article, "Held, then approved from the command line")
            let id = try #require(posted.commentID)
            _ = try await site.get(Self.article)
            #expect(try await site.get(Self.article).headers[.gazetteCache] == "hit")
            let database = CommandLineTests.databaseArguments(site.services.configuration.database)
            let approved = try CommandLine.run(["comments", "approve", String(id)] + database)
            #expect(approved.status == 0, "\(approved.all)")
            let page = try await site.get(Self.article)
            #expect(page.contains("Held, then approved from the command line"))
            #expect(page.headers[.gazetteCache] == "miss")
        }
    }

    @Test("with the cache turned off every answer is rendered", arguments: [TestEngine.sqlite])
    func turnedOff(engine: TestEngine) async throws {
        try await TestSite.run(engine, configure: { $0.pageCacheMB = 0 }, seed: CommentFixtures.seed()) { site in
            _ = try await site.get("/")
            let again = try await site.get("/")
            #expect(again.status == .ok && again.headers[.gazetteCache] == nil)
        }
    }
}

extension HTTPField.Name {
    static let gazetteCache = Self("X-Gazette-Cache")!
    static let cacheTags = Self("X-Gazette-Cache-Tags")!
}
