import Foundation
import GazetteContent
import SQLKit

/// Published articles for the reading API: filtered by the query, whole (body and tags), a page at a time.
extension ArticleStore {
    /// One page of published articles of the query's kind, with bodies and tags: the page's ids first, from
    /// `articles` alone (bodies joined only to search them), then those rows whole. Asked for whole rows at
    /// once, SQLite sorted every published article with its body to keep ten (51 lists a second at 10,000
    /// articles with the page cache off, scripts/bench-api).
    public func published(_ query: ListingQuery, page: PageRequest, now: Date) async throws -> Page<ArticleDetails> {
        try await database.read { db in
            let condition = Self.listingCondition(query, now: now)
            let from: SQLQueryString =
                query.search.trimmingCharacters(in: .whitespaces).isEmpty
                ? " FROM articles a WHERE " : " FROM articles a JOIN article_bodies b ON b.article_id = a.id WHERE "
            let total = try await db.raw("SELECT COUNT(*) AS n" + from + condition).first()?.int64("n")
            let order = Self.listingOrder(query)
            let ids = try await db.raw(
                "SELECT a.id" + from + condition + " ORDER BY " + order
                    + " LIMIT \(literal: page.size) OFFSET \(literal: page.offset)"
            ).all().map { try $0.int64("id") }
            guard !ids.isEmpty else { return Page(items: [], request: page, totalItems: Int(total ?? 0)) }
            let rows = try await db.raw(
                ArticleQueries.detailSelect + " WHERE a.id IN (\(binds: ids)) ORDER BY " + order
            ).all()
            let items = try await ArticleQueries.wholeArticles(rows, in: db)
            return Page(items: items, request: page, totalItems: Int(total ?? 0))
        }
    }

    /// The published article of this kind with this id, whole; nil for any other status, kind or id.
    public func published(id: Int64, kind: ArticleKind, now: Date) async throws -> ArticleDetails? {
        try await database.read { db in
            let rows = try await db.raw(
                ArticleQueries.detailSelect + " WHERE " + Self.visible(kind: kind, now: now)
                    + " AND a.id = \(bind: id)"
            ).all()
            return try await ArticleQueries.wholeArticles(rows, in: db).first
        }
    }

    static func visible(kind: ArticleKind, now: Date) -> SQLQueryString {
        "a.status = 'published' AND a.kind = \(bind: kind.rawValue) AND a.published_at <= \(bind: now.storedSeconds)"
    }

    /// The query's filters on `articles a` joined with `article_bodies b`.
    static func listingCondition(_ query: ListingQuery, now: Date) -> SQLQueryString {
        var condition = visible(kind: query.kind, now: now)
        condition =
            condition + ListingQuery.any("a.id", in: query.ids) + ListingQuery.none("a.id", in: query.excludedIDs)
        condition = condition + ListingQuery.any("a.slug", in: query.slugs)
        condition = condition + ListingQuery.any("a.author_id", in: query.authorIDs)
        condition = condition + ListingQuery.any("a.category_id", in: query.categoryIDs)
        if !query.tagIDs.isEmpty {
            condition =
                condition
                + " AND EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag_id IN (\(binds: query.tagIDs)))"
        }
        let words = query.search.trimmingCharacters(in: .whitespaces)
        if !words.isEmpty {
            // A plain substring match, as WordPress's own search is: cheap enough for one page of an API list,
            // and it works alike on both engines (the site's ranked search lives in SearchStore).
            let pattern = ListingQuery.containing(words)
            condition =
                condition
                + " AND (LOWER(a.title) LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(a.dek) LIKE \(bind: pattern) ESCAPE '\\'"
                + " OR LOWER(b.body_markdown) LIKE \(bind: pattern) ESCAPE '\\')"
        }
        return condition
    }

    static func listingOrder(_ query: ListingQuery) -> SQLQueryString {
        let direction = query.direction
        switch query.order {
        case .id: return "a.id" + direction
        case .title, .name: return "a.title" + direction + ", a.id" + direction
        case .slug: return "a.slug" + direction + ", a.id" + direction
        case .modified: return "a.updated_at" + direction + ", a.id" + direction
        case .date, .count: return "a.published_at" + direction + ", a.id" + direction
        }
    }
}
