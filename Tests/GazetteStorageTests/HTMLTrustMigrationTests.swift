import Foundation
import GazetteContent
import GazetteStorage
import GazetteTestSupport
import SQLKit
import Testing

@Suite("Migration 14: HTML trust")
struct HTMLTrustMigrationTests {
    @Test(
        "bodies stored before trust was kept are cleaned again; only editors' own articles keep embeds",
        arguments: TestEngine.available)
    func recleaned(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { location in
            let database = try await Database.open(location, logger: TestDatabase.logger)
            let migrator = Migrator(database: database, logger: TestDatabase.logger)
            try await migrator.migrate(upTo: 13)
            let hostile =
                #"<p>Text</p><script>alert(1)</script><iframe src="https://www.youtube.com/embed/a"></iframe>"#
            try await database.write { db in
                for (slug, role) in [("eve", "contributor"), ("ed", "editor")] {
                    try await db.raw(
                        """
                        INSERT INTO authors (name, slug, email, bio, role, created_at)
                        VALUES (\(bind: slug), \(bind: slug), \(bind: slug + "@example.com"), '', \(bind: role), 0)
                        """
                    ).run()
                    try await db.raw(
                        """
                        INSERT INTO articles (title, slug, publish_day, excerpt, status, published_at, created_at,
                            updated_at, author_id)
                        VALUES (\(bind: slug), \(bind: slug), '2026-01-02', '', 'published', 1767312000, 1767312000,
                            1767312000, (SELECT id FROM authors WHERE slug = \(bind: slug)))
                        """
                    ).run()
                    try await db.raw(
                        """
                        INSERT INTO article_bodies (article_id, body_markdown, body_html)
                        VALUES ((SELECT id FROM articles WHERE slug = \(bind: slug)), 'x', \(bind: hostile))
                        """
                    ).run()
                }
            }
            try await migrator.migrate()
            let articles = ArticleStore(database: database)
            let eveID = try #require(try await articles.id(forSlug: Slug(trusted: "eve")))
            let edID = try #require(try await articles.id(forSlug: Slug(trusted: "ed")))
            let eve = try #require(try await articles.find(id: eveID))
            let ed = try #require(try await articles.find(id: edID))
            #expect(eve.bodyTrust == .untrusted && eve.bodyHTML == "<p>Text</p>")
            #expect(
                ed.bodyTrust == .trusted
                    && ed.bodyHTML.hasPrefix(#"<p>Text</p><iframe src="https://www.youtube.com/embed/a""#))
            #expect(!ed.bodyHTML.contains("<script") && !ed.bodyHTML.contains("alert"))
            await database.close()
        }
    }

    @Test("a save never raises the trust of the text already stored", arguments: TestEngine.available)
    func neverRaised(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { location in
            let database = try await Database.open(location, logger: TestDatabase.logger)
            try await Migrator(database: database, logger: TestDatabase.logger).migrate()
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let author = try await AuthorStore(database: database).create(
                NewAuthor(name: "Eve", email: "eve@example.com", role: .contributor).validated(), now: now)
            let embed = #"<p>x</p><iframe src="https://www.youtube.com/embed/a"></iframe>"#
            var draft = ArticleDraft(title: "Piece", bodyMarkdown: "x", bodyHTML: embed, authorID: author.id)
            let articles = ArticleStore(database: database)
            let saved = try await articles.save(try draft.validated(now: now), now: now, timeZone: .gmt)
            #expect(try await articles.find(id: saved.id)?.bodyHTML == "<p>x</p>")
            draft.bodyTrust = .trusted
            _ = try await articles.save(try draft.validated(now: now), id: saved.id, now: now, timeZone: .gmt)
            let again = try #require(try await articles.find(id: saved.id))
            #expect(again.bodyTrust == .untrusted && again.bodyHTML == "<p>x</p>")
            await database.close()
        }
    }
}
