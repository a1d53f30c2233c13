import Foundation
import GazetteContent
import GazetteStorage
import GazetteTestSupport

/// An open, migrated database on one engine with its stores, for one test.
struct StoreFixture {
    let database: Database
    let authors: AuthorStore
    let articles: ArticleStore
    let terms: TermStore
    static let utc = TimeZone(identifier: "UTC")!
    static let now = Date(timeIntervalSince1970: 1_795_900_000)

    static func with(_ engine: TestEngine, _ body: (StoreFixture) async throws -> Void) async throws {
        try await TestDatabase.with(engine) { location in
            let database = try await Database.open(location, logger: TestDatabase.logger)
            do {
                try await Migrator(database: database, logger: TestDatabase.logger).migrate()
                try await body(
                    StoreFixture(
                        database: database, authors: AuthorStore(database: database),
                        articles: ArticleStore(database: database), terms: TermStore(database: database)))
                await database.close()
            } catch {
                await database.close()
                throw error
            }
        }
    }

    func author(_ name: String = "Jane Doe", email: String = "jane@example.com") async throws -> Author {
        try await authors.create(NewAuthor(name: name, email: email, role: .author).validated(), now: Self.now)
    }

    @discardableResult
    func publish(
        _ title: String, by author: Author, at date: Date = now, status: ArticleStatus = .published,
        tags: [String] = [], category: String? = nil, source: String? = nil
    ) async throws -> ArticleStore.Saved {
        let draft = ArticleDraft(
            title: title, bodyMarkdown: "Body of \(title).", bodyHTML: "<p>Body of \(title).</p>", status: status,
            publishedAt: date, authorID: author.id, category: category, tags: tags, sourceName: source,
            sourceURL: source == nil ? "" : "https://outlet.example/story")
        let valid = try draft.validated(now: status == .scheduled ? date.addingTimeInterval(-60) : Self.now)
        return try await articles.save(valid, now: Self.now, timeZone: Self.utc)
    }
}
