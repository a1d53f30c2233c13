import Foundation
import GazetteContent
import SQLKit

/// The people with something published, as the public may see them: the queries name their columns, so an
/// email or a role never leaves the database on this path.
extension AuthorStore {
    /// One page of the authors with at least one published article or page, by name unless asked otherwise.
    public func published(_ query: ListingQuery, page: PageRequest, now: Date) async throws -> Page<PublicAuthor> {
        try await database.read { db in
            let condition = Self.publishedCondition(query, now: now)
            let total = try await db.raw("SELECT COUNT(*) AS n FROM authors au WHERE " + condition).first()?.int64("n")
            let rows = try await db.raw(
                "SELECT au.id, au.name, au.slug, au.bio, au.avatar_url FROM authors au WHERE " + condition
                    + " ORDER BY " + Self.publishedOrder(query)
                    + " LIMIT \(literal: page.size) OFFSET \(literal: page.offset)"
            ).all()
            return Page(items: try rows.map(Self.publicAuthor), request: page, totalItems: Int(total ?? 0))
        }
    }

    /// The author with this id when they have published something; nil otherwise.
    public func published(id: Int64, now: Date) async throws -> PublicAuthor? {
        var query = ListingQuery()
        query.ids = [id]
        return try await published(query, page: PageRequest(number: 1, size: 1)!, now: now).items.first
    }

    private static func publishedCondition(_ query: ListingQuery, now: Date) -> SQLQueryString {
        var condition: SQLQueryString =
            "EXISTS (SELECT 1 FROM articles a WHERE a.author_id = au.id AND " + ArticleQueries.visible(now: now) + ")"
        condition =
            condition + ListingQuery.any("au.id", in: query.ids) + ListingQuery.none("au.id", in: query.excludedIDs)
        condition = condition + ListingQuery.any("au.slug", in: query.slugs)
        let words = query.search.trimmingCharacters(in: .whitespaces)
        if !words.isEmpty {
            // Names and slugs only: searching emails, as WordPress lets its admins do, would tell a stranger
            // whether an address belongs to someone here.
            let pattern = ListingQuery.containing(words)
            condition =
                condition
                + " AND (LOWER(au.name) LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(au.slug) LIKE \(bind: pattern) ESCAPE '\\')"
        }
        return condition
    }

    private static func publishedOrder(_ query: ListingQuery) -> SQLQueryString {
        let direction = query.direction
        switch query.order {
        case .id: return "au.id" + direction
        case .slug: return "au.slug" + direction + ", au.id" + direction
        default: return "au.name" + direction + ", au.id" + direction
        }
    }

    private static func publicAuthor(_ row: any SQLRow) throws -> PublicAuthor {
        PublicAuthor(
            id: try row.int64("id"), name: try row.string("name"), slug: try row.slug("slug"),
            bio: try row.string("bio"), avatarURL: try row.string("avatar_url"))
    }
}
