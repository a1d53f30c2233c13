import Foundation
import GazetteContent
import GazetteTestSupport
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

@testable import Gazette
@testable import GazetteServices
@testable import GazetteWeb

/// Another outlet, served by a real HTTP server on 127.0.0.1: a feed with hostile markup, a missing feed,
/// one too large, and an address that redirects to a scheme that is not the web's.
/// When each request for a slow feed with a query (`/slow.xml?1`) reached the test outlet, by query.
let slowFeedArrivals = Mutex<[String: Date]>([:])

@Suite("Importing other outlets' feeds")
struct FeedImportTests {
    static let hostileFeed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel><title>Harbour Wire</title><link>https://wire.example/</link>
        <item><title>Ferry returns to the harbour</title><link>https://wire.example/ferry</link><guid>wire-1</guid>
          <pubDate>Tue, 05 Mar 2024 08:30:00 GMT</pubDate><category>Ferries</category>
          <content:encoded><![CDATA[<p onclick="steal()" style="color:red">The ferry is <b>back</b>.</p>
        <script>alert("x")</script><iframe src="https://evil.example/"></iframe>
        <p><a href="javascript:alert(1)">Click</a> <a href="https://wire.example/more">More</a></p>]]></content:encoded>
        </item>
        <item><title>Council meets</title><link>https://wire.example/council</link><description>A summary only.</description></item>
        </channel></rss>
        """

    /// Runs `body` with the outlet's server on a free port.
    static func withOutlet(_ body: @Sendable (_ base: String) async throws -> Void) async throws {
        let router = Router()
        router.get("feed.xml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/rss+xml"],
                body: .init(byteBuffer: ByteBuffer(string: hostileFeed)))
        }
        router.get("huge.xml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/rss+xml"],
                body: .init(byteBuffer: ByteBuffer(repeating: UInt8(ascii: " "), count: 50 * 1_048_576)))
        }
        router.get("elsewhere.xml") { _, _ in
            Response(status: .found, headers: [.location: "ftp://files.example/feed.xml"])
        }
        // A byte every fifth of a second for a minute: each read is quick, the whole never ends in time.
        router.get("slow.xml") { request, _ in
            if let query = request.uri.query { slowFeedArrivals.withLock { $0[query] = Date() } }
            return Response(
                status: .ok, headers: [.contentType: "application/rss+xml"],
                body: ResponseBody { writer in
                    for _ in 0..<300 {
                        try await writer.write(ByteBuffer(string: " "))
                        try await Task.sleep(for: .milliseconds(200))
                    }
                    try await writer.finish(nil)
                })
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await body("http://127.0.0.1:\(try #require(client.port))")
        }
    }

    @Test("entries become sourced, sanitised articles; running again adds nothing", arguments: TestEngine.available)
    func importsOnce(engine: TestEngine) async throws {
        try await Self.withOutlet { base in
            try await TestSite.run(engine) { site in
                try await site.allowPrivateFeeds()
                let importer = site.services.feedImport
                let options = FeedImport.Options(sourceName: "Harbour Wire", status: .published)
                let first = try await importer.run(location: base + "/feed.xml", options: options)
                #expect(first.added == 2 && first.alreadyImported == 0 && first.feedTitle == "Harbour Wire")
                let again = try await importer.run(location: base + "/feed.xml", options: options)
                #expect(again.added == 0 && again.alreadyImported == 2)

                let page = try await site.get("/2024/03/05/ferry-returns-to-the-harbour/")
                #expect(page.status == .ok)
                #expect(page.contains(#"Source: <a href="https://wire.example/ferry""#), "\(page.body.prefix(0))")
                #expect(page.contains("The ferry is <b>back</b>."))
                #expect(page.contains(#"<link rel="canonical" href="https://wire.example/ferry">"#))
                #expect(page.contains(#"href="https://wire.example/more""#))
                for hostile in ["onclick", "steal()", "<script>alert", "evil.example", "javascript:", "color:red"] {
                    #expect(!page.contains(hostile), "\(hostile) was removed")
                }
                let archive = try await site.get("/source/harbour-wire/")
                #expect(archive.status == .ok && archive.contains("Council meets") && archive.contains("Ferry returns"))
            }
        }
    }

    @Test("a missing feed, a 50 MB one and a redirect to ftp are refused with a sentence, and nothing is written")
    func refusals() async throws {
        try await Self.withOutlet { base in
            try await TestSite.run(.sqlite, seed: SampleContent.seed) { site in
                try await site.allowPrivateFeeds()
                let before = try await site.services.articles.count()
                let importer = site.services.feedImport
                let options = FeedImport.Options(sourceName: "Harbour Wire")
                for (path, expected) in [
                    ("/missing.xml", "answered 404"), ("/huge.xml", "larger than 20 MB"),
                    ("/elsewhere.xml", "ftp://files.example/feed.xml, which is not a web address"),
                ] {
                    await #expect {
                        _ = try await importer.run(location: base + path, options: options)
                    } throws: { error in
                        "\(error)".contains(expected) && "\(error)".contains("Nothing was imported")
                    }
                }
                await #expect(throws: ImportError.self) {
                    _ = try await importer.run(location: "ftp://files.example/feed.xml", options: options)
                }
                await #expect(throws: ImportError.self) {
                    _ = try await importer.run(location: "/nonexistent/feed.xml", options: options)
                }
                #expect(try await site.services.articles.count() == before)
            }
        }
    }

    @Test("feeds on this machine or a private network are refused unless an admin allows them")
    func privateAddresses() async throws {
        try await Self.withOutlet { base in
            try await TestSite.run(.sqlite) { site in
                let importer = site.services.feedImport
                let options = FeedImport.Options(sourceName: "Harbour Wire")
                await #expect {
                    _ = try await importer.run(location: base + "/feed.xml", options: options)
                } throws: { error in
                    "\(error)".contains("leads to 127.0.0.1, an address on this machine or a private network")
                }
                await #expect(throws: ImportError.self) {
                    _ = try await importer.run(location: "http://localhost:1/feed.xml", options: options)
                }
                #expect(try await site.services.articles.count() == 0)
                try await site.allowPrivateFeeds()
                #expect(try await importer.run(location: base + "/feed.xml", options: options).added == 2)
            }
        }
    }

    @Test("a feed that trickles in is stopped at the deadline, however often it sends a byte")
    func deadline() async throws {
        try await Self.withOutlet { base in
            try await TestSite.run(.sqlite) { site in
                try await site.allowPrivateFeeds()
                var importer = site.services.feedImport
                importer.fetcher.timeout = 2
                let started = Date()
                await #expect {
                    _ = try await importer.run(
                        location: base + "/slow.xml", options: FeedImport.Options(sourceName: "Slow Wire"))
                } throws: { error in
                    "\(error)".contains("did not arrive within 2 seconds")
                }
                // Generous for a loaded machine; without a whole-fetch deadline this takes a minute.
                #expect(Date().timeIntervalSince(started) < 15)
            }
        }
    }

    @Test("gazette import feed reads a file and says what it did; a bad status is refused")
    func commandLine() async throws {
        try await TestDatabase.with(.sqlite) { location in
            let database = CommandLineTests.databaseArguments(location)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("feed-\(UUID().uuidString).xml")
            try Self.hostileFeed.write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let first = try CommandLine.run(["import", "feed", file.path, "--source", "Harbour Wire"] + database)
            #expect(first.status == 0, "\(first.all)")
            #expect(
                first.output.contains(
                    "Imported 2 new entries from “Harbour Wire” as draft articles; 0 already imported."),
                "\(first.all)")
            let second = try CommandLine.run(["import", "feed", file.path, "--source", "Harbour Wire"] + database)
            #expect(second.output.contains("Imported 0 new entries"), "\(second.all)")
            let badStatus = try CommandLine.run(
                ["import", "feed", file.path, "--source", "Wire", "--status", "trashed"] + database)
            #expect(badStatus.status != 0 && badStatus.errors.contains("--status is draft or published"))
            let missing = try CommandLine.run(["import", "feed", "/nonexistent.xml", "--source", "Wire"] + database)
            #expect(missing.status != 0 && missing.errors.contains("Cannot read /nonexistent.xml"), "\(missing.all)")
        }
    }
}

extension TestSite {
    /// Lets this site read feeds from 127.0.0.1, where the tests' outlets run.
    func allowPrivateFeeds() async throws {
        try await services.site.update(["site.feeds_private": "on"])
    }
}
