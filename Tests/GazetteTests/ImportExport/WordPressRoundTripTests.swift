import Foundation
import GazetteContent
import GazetteStorage
import GazetteTestSupport
import Testing

@testable import Gazette
@testable import GazetteServices
@testable import GazetteWeb

/// Export a site as WXR, import the file into an empty site, and compare everything the two hold.
@Suite("WordPress export and import, round trip")
struct WordPressRoundTripTests {
    @Test("the imported WordPress site, exported and imported again, is the same site", arguments: TestEngine.available)
    func importedSite(engine: TestEngine) async throws {
        try await Self.withSite(engine) { first in
            _ = try await WordPressImportTests.importFixture(first)
            try await Self.withSite(.sqlite) { second in
                try await Self.roundTrip(from: first, to: second)
            }
        }
    }

    @Test("random sites survive the trip: markup characters, unicode, every status, deep threads", arguments: 1...6)
    func randomSites(seed: UInt64) async throws {
        try await Self.withSite(.sqlite) { first in
            var generator = SplitMix(seed: seed)
            try await RandomSite.fill(first, generator: &generator)
            try await Self.withSite(.sqlite) { second in
                try await Self.roundTrip(from: first, to: second)
            }
        }
    }

    /// Exports `first`, imports the file into `second`, and expects the same content in both.
    static func roundTrip(from first: AppServices, to second: AppServices) async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: file) }
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        let exported = try await first.wordPressExport.run(to: handle)
        try handle.close()
        let report = try await second.wordPressImport().run(file: file.path)
        #expect(report.skipped.isEmpty, "\(report.skipped)")
        #expect(report.articles == exported.articles && report.pages == exported.pages)
        #expect(report.comments == exported.comments)

        let before = try await SiteSnapshot(first)
        let after = try await SiteSnapshot(second)
        #expect(after.people == before.people)
        #expect(after.categories == before.categories)
        #expect(after.tags == before.tags)
        #expect(after.articles.count == before.articles.count)
        for (old, new) in zip(before.articles, after.articles) {
            for (index, (before, after)) in zip(old.fields, new.fields).enumerated() {
                #expect(after == before, "\(SiteSnapshot.fieldNames[index]) of \(old.fields[0])")
            }
            #expect(new.comments == old.comments)
            #expect(Set(old.redirects).isSubset(of: Set(new.redirects)), "every old address still leads to it")
        }
    }

    /// A site on its own database, with the test site's settings.
    static func withSite(_ engine: TestEngine, _ body: @Sendable (AppServices) async throws -> Void) async throws {
        let dataDirectory = (NSTemporaryDirectory() as NSString).appendingPathComponent("gazette-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
        try await TestDatabase.with(engine) { location in
            let configuration = GazetteConfiguration(
                host: "127.0.0.1", port: 0, dataDirectory: dataDirectory, database: location,
                baseURL: "https://news.example.com", siteTitle: "The Test Times")
            let services = try await AppServices.open(
                configuration, clock: .fixed(TestSite.now), logger: TestDatabase.logger, bcryptCost: 4)
            do {
                try await body(services)
                await services.close()
            } catch {
                await services.close()
                throw error
            }
        }
    }
}

/// What a site holds, without the ids that differ from one database to another.
struct SiteSnapshot {
    struct Article: Equatable {
        var fields: [String]
        var comments: [[String]]
        var redirects: [String]
    }

    static let fieldNames = [
        "address", "title", "dek", "excerpt", "status", "published", "kind", "markdown", "html", "byline",
        "byline slug", "category", "source", "source home", "source URL", "canonical", "image", "corrections",
        "comment status", "tags", "comment count",
    ]

    var people: [[String]]
    var categories: [[String]]
    var tags: [[String]]
    var articles: [Article]

    init(_ services: AppServices) async throws {
        let store = ExportStore(database: services.database)
        people = try await store.people().map { [$0.name, $0.slug.value, $0.email] }.sorted { $0[1] < $1[1] }
        let categories = try await store.categories()
        let slugs = Dictionary(uniqueKeysWithValues: categories.map { ($0.category.id, $0.category.slug.value) })
        self.categories = categories.map {
            [$0.category.name, $0.category.slug.value, $0.parentID.flatMap { slugs[$0] } ?? ""]
        }.sorted { $0[1] < $1[1] }
        tags = try await store.tags().map { [$0.name, $0.slug.value] }.sorted { $0[1] < $1[1] }
        articles = try await store.articles(after: 0, limit: 10_000).map(Self.article).sorted {
            $0.fields[0] < $1.fields[0]
        }
    }

    private static func article(_ article: ExportStore.Article) -> Article {
        let details = article.details
        let summary = details.summary
        let image: String = summary.image.map { "\($0.url)|\($0.alt)|\($0.caption)|\($0.credit)" } ?? ""
        let corrections: String = details.corrections.map { "\($0.notedAt.timeIntervalSince1970)|\($0.note)" }
            .joined(separator: "\n")
        let published: String = summary.publishedAt.map { String($0.timeIntervalSince1970) } ?? ""
        var fields: [String] = [summary.day.isoDate + "/" + summary.slug.value, summary.title, summary.dek]
        fields += [summary.excerpt, summary.status.rawValue, published, article.kind.rawValue]
        fields += [details.bodyMarkdown, details.bodyHTML, summary.byline.name, summary.byline.slug.value]
        fields += [summary.category?.slug.value ?? "", summary.source?.name ?? "", summary.source?.url ?? ""]
        fields += [details.sourceURL, details.canonicalURL, image, corrections, details.commentStatus.rawValue]
        fields += [details.tags.map(\.slug.value).joined(separator: ","), String(summary.commentCount)]
        // A comment is named by what it says and when; its parent by the same, so threads compare as trees.
        let byID = Dictionary(uniqueKeysWithValues: article.comments.map { ($0.id, $0) })
        func name(_ comment: GazetteContent.Comment) -> String {
            "\(comment.authorName)|\(comment.createdAt.timeIntervalSince1970)|\(comment.body)"
        }
        var comments: [[String]] = []
        for comment in article.comments {
            let parent: String = comment.parentID.flatMap { byID[$0] }.map(name) ?? ""
            var row: [String] = [name(comment), comment.authorEmail, comment.authorURL, comment.authorIP]
            row += [comment.status.rawValue, String(comment.depth), parent]
            comments.append(row)
        }
        comments.sort { $0[0] < $1[0] }
        return Article(fields: fields, comments: comments, redirects: article.redirects)
    }
}

/// A site of random content, written through the same services the newsroom uses.
enum RandomSite {
    static let pieces = [
        "harbour", "Ferry", "AT&T", "<b>bold</b>", "a < b", "“quoted”", "Zürich", "Москва", "東京", "]]>", "&amp;",
        "café", "x & y", "'single'", "\"double\"", "🚢", "tab\there", "50%", "#hash", "[caption]",
    ]

    static func text(_ generator: inout SplitMix, words: ClosedRange<Int>) -> String {
        let count = Int(generator.next() % UInt64(words.count)) + words.lowerBound
        return (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined(separator: " ")
    }

    static func fill(_ services: AppServices, generator: inout SplitMix) async throws {
        var authors: [Author] = []
        for index in 0..<3 {
            authors.append(
                try await services.authors.create(
                    NewAuthor(
                        name: "Writer \(index) " + text(&generator, words: 1...2), email: "writer\(index)@example.com",
                        role: .author
                    ).validated(), now: TestSite.now))
        }
        let statuses: [ArticleStatus] = [.published, .published, .published, .draft, .pending, .scheduled, .trashed]
        var published: [Int64] = []
        for index in 0..<8 {
            let status = statuses[Int(generator.next() % UInt64(statuses.count))]
            let offset = Double(generator.next() % 86_400 * 400)
            let date: Date? =
                switch status {
                case .scheduled: TestSite.now.addingTimeInterval(86_400 + offset)
                case .draft, .pending: generator.next() % 2 == 0 ? nil : TestSite.now.addingTimeInterval(-offset)
                case .published, .trashed: TestSite.now.addingTimeInterval(-offset - 60)
                }
            let paragraphs = (0..<Int(generator.next() % 4 + 1)).map { _ in text(&generator, words: 3...12) }
            var draft = ArticleDraft(
                title: "Story \(index) " + text(&generator, words: 1...6), dek: text(&generator, words: 0...8),
                bodyMarkdown: paragraphs.joined(separator: "\n\n"), status: status, publishedAt: date,
                authorID: authors[Int(generator.next() % 3)].id,
                category: generator.next() % 3 == 0 ? nil : ["News", "Port & Ships", "Zürich desk"][index % 3],
                tags: (0..<Int(generator.next() % 4)).map { "tag \($0) " + text(&generator, words: 1...2) },
                commentStatus: generator.next() % 4 == 0 ? .closed : .open,
                kind: generator.next() % 5 == 0 ? .page : .article)
            if generator.next() % 2 == 0 {
                draft.sourceName = "Wire " + text(&generator, words: 1...1)
                draft.sourceURL = "https://wire.example/story-\(index)"
            }
            if generator.next() % 2 == 0 {
                draft.image = FeaturedImage(
                    url: "https://img.example/\(index).jpg", alt: "Alt " + text(&generator, words: 1...3),
                    caption: text(&generator, words: 0...4), credit: text(&generator, words: 0...2))
            }
            if generator.next() % 3 == 0 {
                draft.corrections = [Correction(notedAt: TestSite.now, note: "Fixed " + text(&generator, words: 1...4))]
            }
            let saved = try await services.publishing.save(draft)
            published.append(saved.id)
        }
        // Comments of every status in deep threads, written as an import writes them (any parent status).
        let store = ImportStore(database: services.database)
        let moderation: [ModerationStatus] = [.approved, .approved, .pending, .spam, .trash]
        var groups: [ImportBatch.ArticleComments] = []
        for articleID in published {
            var comments: [ImportedComment] = []
            for number in 0..<Int(generator.next() % 7) {
                let parent = number > 0 && generator.next() % 2 == 0 ? Int(generator.next() % UInt64(number)) : nil
                comments.append(
                    ImportedComment(
                        key: "random|\(articleID)|\(number)", parentKey: parent.map { "random|\(articleID)|\($0)" },
                        authorName: "Reader " + text(&generator, words: 1...2), authorEmail: "r\(number)@mail.example",
                        authorURL: generator.next() % 2 == 0 ? "https://r\(number).example" : "",
                        authorIP: "192.0.2.\(number)",
                        body: (0..<Int(generator.next() % 3 + 1)).map { _ in text(&generator, words: 1...6) }
                            .joined(separator: "\n\n"),
                        status: moderation[Int(generator.next() % UInt64(moderation.count))],
                        createdAt: TestSite.now.addingTimeInterval(Double(number * 60 - 100_000))))
            }
            groups.append(.init(articleID: articleID, comments: comments))
        }
        let written = groups
        _ = try await store.batch(now: TestSite.now, timeZone: TimeZone(identifier: "UTC")!) { batch in
            try await batch.comments(written)
        }
    }
}
