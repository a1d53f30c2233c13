import Foundation
import GazetteContent
import SQLKit

/// Tags and categories for the reading API, each with the number of published articles it files.
extension TermStore {
    /// The two kinds of term the reading API lists (sources are Gazette's own and have no WordPress shape).
    public enum ListedKind: Sendable {
        case tags, categories
    }

    /// One page of tags or categories matching the query, by name unless asked otherwise.
    public func listing(
        _ kind: ListedKind, _ query: ListingQuery, page: PageRequest, now: Date
    ) async throws -> Page<
        TermListing
    > {
        try await database.read { db in
            let from = Self.listed(kind, now: now)
            let condition = Self.listingCondition(kind, query, now: now)
            let total = try await db.raw("SELECT COUNT(*) AS n FROM " + from + " WHERE " + condition).first()?
                .int64("n")
            let rows = try await db.raw(
                "SELECT x.* FROM " + from + " WHERE " + condition + " ORDER BY " + Self.listingOrder(query)
                    + " LIMIT \(literal: page.size) OFFSET \(literal: page.offset)"
            ).all()
            return Page(items: try rows.map(Self.listing), request: page, totalItems: Int(total ?? 0))
        }
    }

    /// The tag or category with this id, with its count; nil when there is none.
    public func listing(_ kind: ListedKind, id: Int64, now: Date) async throws -> TermListing? {
        try await database.read { db in
            try await db.raw("SELECT x.* FROM " + Self.listed(kind, now: now) + " WHERE x.id = \(bind: id)").first()
                .map(Self.listing)
        }
    }

    /// Every term of the kind as `x (id, name, slug, parent_id, n)`, `n` counting its published articles.
    private static func listed(_ kind: ListedKind, now: Date) -> SQLQueryString {
        let listed = ArticleQueries.listed(now: now)
        switch kind {
        case .tags:
            return
                "(SELECT g.id, g.name, g.slug, CAST(NULL AS BIGINT) AS parent_id, (SELECT COUNT(*) FROM article_tags t"
                + " JOIN articles a ON a.id = t.article_id WHERE t.tag_id = g.id AND " + listed
                + ") AS n FROM tags g) x"
        case .categories:
            return "(SELECT g.id, g.name, g.slug, g.parent_id, (SELECT COUNT(*) FROM articles a"
                + " WHERE a.category_id = g.id AND " + listed + ") AS n FROM categories g) x"
        }
    }

    private static func listingCondition(_ kind: ListedKind, _ query: ListingQuery, now: Date) -> SQLQueryString {
        var condition: SQLQueryString = "1 = 1"
        condition =
            condition + ListingQuery.any("x.id", in: query.ids) + ListingQuery.none("x.id", in: query.excludedIDs)
        condition = condition + ListingQuery.any("x.slug", in: query.slugs)
        if query.hideEmpty { condition = condition + " AND x.n > 0" }
        let words = query.search.trimmingCharacters(in: .whitespaces)
        if !words.isEmpty {
            condition = condition + " AND LOWER(x.name) LIKE \(bind: ListingQuery.containing(words)) ESCAPE '\\'"
        }
        if !query.parentIDs.isEmpty, case .categories = kind {
            // 0 stands for "no parent", as WordPress writes it.
            let parents = query.parentIDs.filter { $0 != 0 }
            var either: SQLQueryString = parents.isEmpty ? "1 = 0" : "x.parent_id IN (\(binds: parents))"
            if query.parentIDs.contains(0) { either = either + " OR x.parent_id IS NULL" }
            condition = condition + " AND (" + either + ")"
        }
        if !query.articleIDs.isEmpty {
            // Only the terms of articles the public may read.
            let visible = ArticleQueries.visible(now: now) + ListingQuery.any("a.id", in: query.articleIDs)
            switch kind {
            case .tags:
                condition =
                    condition
                    + " AND x.id IN (SELECT t.tag_id FROM article_tags t JOIN articles a ON a.id = t.article_id WHERE "
                    + visible + ")"
            case .categories:
                condition = condition + " AND x.id IN (SELECT a.category_id FROM articles a WHERE " + visible + ")"
            }
        }
        return condition
    }

    private static func listingOrder(_ query: ListingQuery) -> SQLQueryString {
        let direction = query.direction
        switch query.order {
        case .id: return "x.id" + direction
        case .slug: return "x.slug" + direction + ", x.id" + direction
        case .count: return "x.n" + direction + ", x.id" + direction
        case .name, .title, .date, .modified: return "x.name" + direction + ", x.id" + direction
        }
    }

    private static func listing(_ row: any SQLRow) throws -> TermListing {
        TermListing(
            id: try row.int64("id"), name: try row.string("name"), slug: try row.slug("slug"),
            parentID: try row.optionalInt64("parent_id"), count: Int(try row.int64("n")))
    }
}
