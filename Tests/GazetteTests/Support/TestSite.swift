import Foundation
import Gazette
import GazetteContent
import GazetteStorage
import GazetteTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import GazetteServices
@testable import GazetteWeb

/// A whole Gazette on a fresh database, served by a real HTTP server on 127.0.0.1 for one test.
struct TestSite {
    let services: AppServices
    let client: any TestClientProtocol
    let engine: TestEngine

    static let now = Date(timeIntervalSince1970: 1_795_900_000)  // 2026-11-28 21:06:40 UTC

    static func run(
        _ engine: TestEngine, clock: Clock = .fixed(now), configure: (inout GazetteConfiguration) -> Void = { _ in },
        seed: (AppServices) async throws -> Void = { _ in }, _ body: @Sendable (TestSite) async throws -> Void
    ) async throws {
        // Each site has its own data folder, so uploads of one test never meet another's.
        let dataDirectory = (NSTemporaryDirectory() as NSString).appendingPathComponent("gazette-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
        try await TestDatabase.with(engine, migrated: true) { location in
            var configuration = GazetteConfiguration(
                host: "127.0.0.1", port: 0, dataDirectory: dataDirectory, database: location,
                baseURL: "https://news.example.com", siteTitle: "The Test Times")
            // The scheduler runs as in production, but only after an hour: tests call its work themselves, so a
            // tick never races their own calls (BackgroundWorkTests runs it for real).
            configuration.background = BackgroundSchedule(
                every: .seconds(3_600), purgeEvery: .seconds(3_600), firstRunAfter: .seconds(3_600))
            // A test client may sit idle for a long while on a machine busy with the whole suite; the idle
            // timeout is tested against the real binary (ConnectionLimitsTests).
            configuration.connectionTimeout = 600
            configure(&configuration)
            let services = try await AppServices.open(
                configuration, clock: clock, logger: TestDatabase.logger, bcryptCost: 4)
            do {
                try await seed(services)
                let app = try buildApplication(services: services, logger: TestDatabase.logger)
                try await app.test(.live) { client in
                    try await body(TestSite(services: services, client: client, engine: engine))
                }
                await services.close()
            } catch {
                await services.close()
                throw error
            }
        }
    }

    /// The seeded "Markets rally on rate news" (SampleContent) as a draft to save again with changes, and
    /// its id.
    func marketsDraft() async throws -> (ArticleDraft, Int64) {
        let id = try #require(try await services.articles.id(forSlug: Slug(trusted: "markets-rally-on-rate-news")))
        let article = try #require(try await services.articles.find(id: id))
        let author = try #require(try await services.authors.find(slug: article.summary.byline.slug))
        let draft = ArticleDraft(
            title: article.summary.title, bodyMarkdown: article.bodyMarkdown, status: .published,
            publishedAt: article.summary.publishedAt, authorID: author.id, category: "Business",
            sourceName: "Wire Agency", sourceURL: article.sourceURL)
        return (draft, id)
    }

    /// Fetches a page; HTML answers are also saved for the standards validator that scripts/test runs.
    func get(_ path: String, headers: HTTPFields = [:]) async throws -> Fetched {
        let response = try await client.executeRequest(uri: path, method: .get, headers: headers, body: nil)
        let fetched = Fetched(
            status: response.status, headers: response.headers, body: String(buffer: response.body))
        HTMLDump.save(fetched, path: path, engine: engine)
        return fetched
    }

    /// Fetches a file (an image) as its bytes.
    func download(_ path: String) async throws -> (status: HTTPResponse.Status, headers: HTTPFields, bytes: [UInt8]) {
        let response = try await client.executeRequest(uri: path, method: .get, headers: [:], body: nil)
        return (response.status, response.headers, Array(buffer: response.body))
    }

    /// Posts a form, as a browser does; HTML answers are saved for the validator like pages.
    func post(_ path: String, form: [String: String], headers: HTTPFields = [:]) async throws -> Fetched {
        try await post(path, pairs: form.map { ($0.key, $0.value) }, headers: headers)
    }

    /// Posts fields in order, repeated names included, as a browser sends a form with repeated inputs.
    func post(_ path: String, pairs: [(String, String)], headers: HTTPFields = [:]) async throws -> Fetched {
        let body = pairs.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await post(
            path, body: ByteBuffer(string: body), contentType: "application/x-www-form-urlencoded", headers: headers)
    }

    func post(_ path: String, body: ByteBuffer, contentType: String, headers: HTTPFields = [:]) async throws -> Fetched
    {
        var headers = headers
        headers[.contentType] = contentType
        let response = try await client.executeRequest(uri: path, method: .post, headers: headers, body: body)
        let fetched = Fetched(status: response.status, headers: response.headers, body: String(buffer: response.body))
        HTMLDump.save(fetched, path: "post" + path, engine: engine)
        return fetched
    }

    static func encode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    func head(_ path: String) async throws -> TestResponse {
        try await client.executeRequest(uri: path, method: .head, headers: [:], body: nil)
    }
}

struct Fetched: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: String

    var contentType: String { headers[.contentType] ?? "" }

    /// The cookies this answer sets, as `name=value` pairs.
    var setCookies: [String: String] {
        var cookies: [String: String] = [:]
        for field in headers where field.name == .setCookie {
            let pair = field.value.split(separator: ";", maxSplits: 1)[0]
            let parts = pair.split(separator: "=", maxSplits: 1)
            cookies[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        return cookies
    }
    var location: String? { headers[.location] }

    func contains(_ text: String) -> Bool { body.contains(text) }

    /// Counts occurrences, for checks such as "exactly one h1".
    func count(_ text: String) -> Int { body.components(separatedBy: text).count - 1 }
}

/// Saves fetched pages into `GAZETTE_TEST_HTML_DIR`, when set, for the HTML validator; feeds go to
/// `GAZETTE_TEST_FEED_DIR`, for a real feed parser and the JSON Feed schema.
enum HTMLDump {
    static func save(_ page: Fetched, path: String, engine: TestEngine) {
        saveFeed(page, path: path, engine: engine)
        guard let folder = ProcessInfo.processInfo.environment["GAZETTE_TEST_HTML_DIR"],
            page.contentType.hasPrefix("text/html"), !page.body.isEmpty
        else { return }
        let safe = path.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined().prefix(80)
        let name = "\(engine.rawValue)-\(safe)-\(page.status.code)-\(UUID().uuidString.prefix(8)).html"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? page.body.write(
            toFile: (folder as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    static func saveFeed(_ page: Fetched, path: String, engine: TestEngine) {
        let kinds = [
            "application/rss+xml": "rss.xml", "application/atom+xml": "atom.xml", "application/feed+json": "json",
            "application/xml": "sitemap.xml",
        ]
        guard let folder = ProcessInfo.processInfo.environment["GAZETTE_TEST_FEED_DIR"], page.status == .ok,
            let kind = kinds.first(where: { page.contentType.hasPrefix($0.key) })?.value
        else { return }
        let safe = path.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined().prefix(80)
        let name = "\(engine.rawValue)-\(safe)-\(UUID().uuidString.prefix(8)).\(kind)"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? page.body.write(
            toFile: (folder as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
}

/// Content for page tests: two authors, tagged and sourced articles over two months.
enum SampleContent {
    static func seed(_ services: AppServices) async throws {
        let jane = try await services.authors.create(
            NewAuthor(name: "Jane Doe", email: "jane.private@example.com", role: .author, bio: "Jane covers the city.")
                .validated(), now: TestSite.now)
        let sam = try await services.authors.create(
            NewAuthor(name: "Sam Lee", email: "sam.private@example.com", role: .editor).validated(), now: TestSite.now)
        try await services.publishing.save(
            ArticleDraft(
                title: "Council approves the new library", dek: "The vote was unanimous after a two-hour debate.",
                bodyMarkdown:
                    "The council voted on **Tuesday**.\n\n> It is a great day, said the mayor.\n\n## What next\n\n- Design\n- Build",
                status: .published, publishedAt: TestSite.now.addingTimeInterval(-3_600), authorID: jane.id,
                category: "Local", tags: ["Council", "Libraries"],
                image: FeaturedImage(
                    url: "https://img.example/library.jpg", alt: "The old library", caption: "The old building",
                    credit: "Photo: A. Lens"),
                corrections: [
                    Correction(notedAt: TestSite.now, note: "An earlier version gave the wrong date for the vote.")
                ]))
        try await services.publishing.save(
            ArticleDraft(
                title: "Markets rally on rate news", bodyMarkdown: "Shares rose sharply.", status: .published,
                publishedAt: TestSite.now.addingTimeInterval(-7_200), authorID: sam.id, category: "Business",
                tags: ["Markets"], sourceName: "Wire Agency", sourceURL: "https://wire.example/markets-rally"))
        try await services.publishing.save(
            ArticleDraft(
                title: "October feature", bodyMarkdown: "From last month.", status: .published,
                publishedAt: TestSite.now.addingTimeInterval(-86_400 * 40), authorID: jane.id, tags: ["Council"]))
        try await services.publishing.save(
            ArticleDraft(title: "Secret draft", bodyMarkdown: "Not yet.", status: .draft, authorID: jane.id))
    }
}
