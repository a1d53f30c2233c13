import Foundation
import GazetteContent
import SQLKit

/// Writes many new articles inside the caller's transaction with a few statements for the whole set: one
/// multi-row INSERT per table instead of a dozen statements per article. Imports and the sample-site
/// generator write thousands of articles; `ArticleWriter` stays the path for one article, new or edited.
///
/// What it stores is what `ArticleWriter` would: slugs numbered where a day already has them, the
/// category, source and tags created when missing, the body, the first revision and the search index.
struct NewArticlesWriter {
    let db: any SQLDatabase
    let now: Date
    let timeZone: TimeZone
    let dialect: Dialect
    /// Who saved, for the revision history, and its note.
    var note = ""

    /// Rows per multi-row INSERT, far below both engines' limits on parameters (about 20 per article row).
    private static let rowsPerInsert = 200

    func save(_ articles: [ValidArticle]) async throws -> [ArticleStore.Saved] {
        guard !articles.isEmpty else { return [] }
        try await checkAuthors(of: articles)
        let categories = try await termIDs(articles.compactMap(\.category), table: .categories)
        let sources = try await sourceIDs(of: articles)
        let placed = try await places(for: articles)
        var saved: [ArticleStore.Saved] = []
        saved.reserveCapacity(articles.count)
        for start in stride(from: 0, to: articles.count, by: Self.rowsPerInsert) {
            let range = start..<min(start + Self.rowsPerInsert, articles.count)
            saved += try await insertArticles(
                Array(zip(articles[range], placed[range])), categories: categories, sources: sources)
        }
        let pairs = Array(zip(articles, saved))
        try await insertRows(
            "INSERT INTO article_bodies (article_id, body_markdown, body_html, body_trust) VALUES ", pairs
        ) { article, saved in
            """
            (\(bind: saved.id), \(bind: article.bodyMarkdown), \(bind: article.bodyHTML),
            \(bind: article.bodyTrust.rawValue))
            """
        }
        try await insertRows(
            """
            INSERT INTO article_revisions
                (article_id, revision, saved_at, saved_by, title, dek, body_markdown, excerpt, status, note,
                body_trust, details) VALUES
            """, pairs
        ) { article, saved in
            """
            (\(bind: saved.id), 1, \(bind: now.storedSeconds), NULL, \(bind: article.title), \(bind: article.dek),
            \(bind: article.bodyMarkdown), \(bind: article.excerpt), \(bind: article.status.rawValue), \(bind: note),
            \(bind: article.bodyTrust.rawValue), \(bind: RevisionDetails(article).json))
            """
        }
        try await insertTags(pairs)
        let corrections = pairs.flatMap { article, saved in article.corrections.map { (saved.id, $0) } }
        try await insertRows("INSERT INTO corrections (article_id, noted_at, note) VALUES ", corrections) {
            id, correction in "(\(bind: id), \(bind: correction.notedAt.storedSeconds), \(bind: correction.note))"
        }
        try await SearchIndex.refresh(ids: saved.map(\.id), dialect: dialect, in: db)
        return saved
    }

    private func checkAuthors(of articles: [ValidArticle]) async throws {
        let wanted = Set(articles.map(\.authorID))
        let found = try await db.raw("SELECT id FROM authors WHERE id IN (\(binds: Array(wanted)))").all().map {
            try $0.int64("id")
        }
        if let missing = wanted.subtracting(found).min() {
            throw StorageError.notFound("There is no author with id \(missing).")
        }
    }

    /// Each distinct term's id by slug: the existing ones in one query, the rest created.
    private func termIDs(_ terms: [NamedTerm], table: TermStore.TermTable) async throws -> [Slug: Int64] {
        var distinct: [Slug: NamedTerm] = [:]
        for term in terms where distinct[term.slug] == nil { distinct[term.slug] = term }
        guard !distinct.isEmpty else { return [:] }
        var ids: [Slug: Int64] = [:]
        for row in try await db.raw(
            "SELECT id, slug FROM \(ident: table.rawValue) WHERE slug IN (\(binds: distinct.keys.map(\.value)))"
        ).all() {
            ids[Slug(trusted: try row.string("slug"))] = try row.int64("id")
        }
        for (slug, term) in distinct where ids[slug] == nil {
            ids[slug] = try await TermStore.ensure(term, in: table, db: db)
        }
        return ids
    }

    private func sourceIDs(of articles: [ValidArticle]) async throws -> [Slug: Int64] {
        var ids: [Slug: Int64] = [:]
        for article in articles {
            guard let source = article.source, ids[source.slug] == nil else { continue }
            ids[source.slug] = try await TermStore.ensure(
                source, in: .sources, extraURL: ArticleWriter.homePage(of: article.sourceURL), db: db)
        }
        return ids
    }

    /// Each article's day and slug, numbered ("budget-2") where its day already has the slug, on the site
    /// or earlier in this set.
    private func places(for articles: [ValidArticle]) async throws -> [(day: PublicationDay, slug: Slug)] {
        let days = articles.map { PublicationDay(date: $0.publishedAt ?? now, timeZone: timeZone) }
        var taken = Set<String>()
        let distinctDays = Array(Set(days.map(\.isoDate)))
        for start in stride(from: 0, to: distinctDays.count, by: 500) {
            let part = Array(distinctDays[start..<min(start + 500, distinctDays.count)])
            for row in try await db.raw(
                "SELECT publish_day, slug FROM articles WHERE publish_day IN (\(binds: part))"
            ).all() {
                taken.insert(try row.string("publish_day") + "/" + row.string("slug"))
            }
        }
        return zip(articles, days).map { article, day in
            var candidate = article.slug
            var number = 1
            while taken.contains(day.isoDate + "/" + candidate.value) {
                number += 1
                candidate = article.slug.numbered(number)
            }
            taken.insert(day.isoDate + "/" + candidate.value)
            return (day, candidate)
        }
    }

    private func insertArticles(
        _ rows: [(ValidArticle, (day: PublicationDay, slug: Slug))], categories: [Slug: Int64],
        sources: [Slug: Int64]
    ) async throws -> [ArticleStore.Saved] {
        var query: SQLQueryString = """
            INSERT INTO articles (title, slug, publish_day, dek, excerpt, status,
                published_at, created_at, updated_at, author_id, category_id, source_id, source_url, canonical_url,
                image_url, image_alt, image_caption, image_credit, comment_status, kind) VALUES
            """
        for (index, (article, place)) in rows.enumerated() {
            // Stored now with an earlier publication date, an article was not "updated" by being stored.
            let updated = min(now, article.publishedAt ?? now)
            query =
                query + (index == 0 ? " " : ", ")
                    + """
                    (\(bind: article.title), \(bind: place.slug.value), \(bind: place.day.isoDate), \(bind: article.dek),
                    \(bind: article.excerpt), \(bind: article.status.rawValue), \(bind: article.publishedAt?.storedSeconds),
                    \(bind: now.storedSeconds), \(bind: updated.storedSeconds), \(bind: article.authorID),
                    \(bind: article.category.flatMap { categories[$0.slug] }),
                    \(bind: article.source.flatMap { sources[$0.slug] }), \(bind: article.sourceURL),
                    \(bind: article.canonicalURL), \(bind: article.image?.url ?? ""), \(bind: article.image?.alt ?? ""),
                    \(bind: article.image?.caption ?? ""), \(bind: article.image?.credit ?? ""),
                    \(bind: article.commentStatus.rawValue), \(bind: article.kind.rawValue))
                    """
        }
        var ids: [String: Int64] = [:]
        for row in try await db.raw(query + " RETURNING id, publish_day, slug").all() {
            ids[try row.string("publish_day") + "/" + row.string("slug")] = try row.int64("id")
        }
        // RETURNING promises no order; a day and slug name one article.
        return try rows.map { _, place in
            guard let id = ids[place.day.isoDate + "/" + place.slug.value] else {
                throw StorageError.unavailable("The new article \(place.slug) got no id.")
            }
            return ArticleStore.Saved(id: id, slug: place.slug, day: place.day)
        }
    }

    private func insertTags(_ pairs: [(ValidArticle, ArticleStore.Saved)]) async throws {
        let tagIDs = try await termIDs(pairs.flatMap(\.0.tags), table: .tags)
        let rows = pairs.flatMap { article, saved in
            article.tags.enumerated().compactMap { position, tag in
                tagIDs[tag.slug].map { (article: saved.id, tag: $0, position: position) }
            }
        }
        try await insertRows("INSERT INTO article_tags (article_id, tag_id, position) VALUES ", rows) { row in
            "(\(bind: row.article), \(bind: row.tag), \(bind: row.position))"
        }
    }

    /// `head` followed by one parenthesised row per element, in as many INSERTs as the rows need.
    private func insertRows<Row>(
        _ head: SQLQueryString, _ rows: [Row], _ values: (Row) -> SQLQueryString
    ) async throws {
        for start in stride(from: 0, to: rows.count, by: Self.rowsPerInsert) {
            var query = head
            for index in start..<min(start + Self.rowsPerInsert, rows.count) {
                query = query + (index == start ? " " : ", ") + values(rows[index])
            }
            try await db.raw(query).run()
        }
    }
}
