import Foundation
import GazetteContent
import GazetteStorage
import GazetteTestSupport
import SQLKit
import Testing

@Suite("Migration 9: article bodies apart")
struct ArticleBodiesMigrationTests {
    @Test(
        "articles written before the move keep their bodies, stay searchable and can be saved again",
        arguments: TestEngine.available)
    func bodiesSurvive(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { location in
            let database = try await Database.open(location, logger: TestDatabase.logger)
            let migrator = Migrator(database: database, logger: TestDatabase.logger)
            try await migrator.migrate(upTo: 8)
            try await database.write { db in
                try await db.raw(
                    """
                    INSERT INTO authors (name, slug, email, bio, role, created_at)
                    VALUES ('Jane Doe', 'jane-doe', 'jane@example.com', '', 'author', 0)
                    """
                ).run()
                try await db.raw(
                    """
                    INSERT INTO articles (title, slug, publish_day, body_markdown, body_html, status, published_at,
                        created_at, updated_at, author_id)
                    VALUES ('Old harbour story', 'old-harbour-story', '2026-01-02', 'The *pier* reopened.',
                        '<p>The <em>pier</em> reopened.</p>', 'published', 1767312000, 1767312000, 1767312000,
                        (SELECT id FROM authors))
                    """
                ).run()
            }
            #expect(try await migrator.migrate() == Array(9...Migrator.latestVersion).filter { $0 != 25 })

            let articles = ArticleStore(database: database)
            let id = try #require(try await articles.id(forSlug: Slug(trusted: "old-harbour-story")))
            let article = try #require(try await articles.find(id: id))
            #expect(article.bodyMarkdown == "The *pier* reopened.")
            #expect(article.bodyHTML == "<p>The <em>pier</em> reopened.</p>")
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let page = try #require(PageRequest(number: 1, size: 10))
            try await SearchStore(database: database).reindex()
            let found = try await SearchStore(database: database).search(SearchQuery("pier"), page: page, now: now)
            #expect(found.items.map(\.summary.title) == ["Old harbour story"])

            var draft = article.draft
            draft.bodyMarkdown = "The pier reopened on Monday."
            draft.bodyHTML = "<p>The pier reopened on Monday.</p>"
            let valid = try draft.validated(now: now)
            _ = try await articles.save(valid, id: id, now: now, timeZone: .gmt)
            let saved = try #require(try await articles.find(id: id))
            #expect(saved.bodyMarkdown == "The pier reopened on Monday.")
            await database.close()
        }
    }
}
