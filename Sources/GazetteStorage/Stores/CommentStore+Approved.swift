import Foundation
import GazetteContent
import SQLKit

/// Approved comments on published articles for the reading API. The queries name their columns, so the
/// email, the address and the spam verdicts never leave the database on this path.
extension CommentStore {
    /// One page of approved comments, newest first unless asked otherwise.
    public func approved(_ query: ListingQuery, page: PageRequest, now: Date) async throws -> Page<ApprovedComment> {
        try await database.read { db in
            let condition = Self.approvedCondition(query, now: now)
            let total = try await db.raw(
                "SELECT COUNT(*) AS n FROM comments c JOIN articles a ON a.id = c.article_id WHERE " + condition
            ).first()?.int64("n")
            let rows = try await db.raw(
                Self.approvedSelect + " WHERE " + condition + " ORDER BY " + Self.approvedOrder(query)
                    + " LIMIT \(literal: page.size) OFFSET \(literal: page.offset)"
            ).all()
            return Page(items: try rows.map(Self.approvedComment), request: page, totalItems: Int(total ?? 0))
        }
    }

    /// The comment with this id when it is approved and its article published; nil otherwise.
    public func approved(id: Int64, now: Date) async throws -> ApprovedComment? {
        try await database.read { db in
            try await db.raw(
                Self.approvedSelect + " WHERE " + Self.approvedCondition(ListingQuery(), now: now)
                    + " AND c.id = \(bind: id)"
            ).first().map(Self.approvedComment)
        }
    }

    private static let approvedSelect: SQLQueryString = """
        SELECT c.id, c.article_id, c.parent_id, c.author_name, c.author_url, c.body, c.created_at,
            a.publish_day, a.slug
        FROM comments c JOIN articles a ON a.id = c.article_id
        """

    private static func approvedCondition(_ query: ListingQuery, now: Date) -> SQLQueryString {
        var condition: SQLQueryString =
            "c.status = 'approved' AND a.status = 'published' AND a.published_at <= \(bind: now.storedSeconds)"
        condition =
            condition + ListingQuery.any("c.id", in: query.ids) + ListingQuery.none("c.id", in: query.excludedIDs)
        condition = condition + ListingQuery.any("c.article_id", in: query.articleIDs)
        if !query.parentIDs.isEmpty {
            // 0 stands for "on the article itself", as WordPress writes it.
            let parents = query.parentIDs.filter { $0 != 0 }
            var either: SQLQueryString = parents.isEmpty ? "1 = 0" : "c.parent_id IN (\(binds: parents))"
            if query.parentIDs.contains(0) { either = either + " OR c.parent_id IS NULL" }
            condition = condition + " AND (" + either + ")"
        }
        let words = query.search.trimmingCharacters(in: .whitespaces)
        if !words.isEmpty {
            let pattern = ListingQuery.containing(words)
            condition =
                condition
                + " AND (LOWER(c.body) LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(c.author_name) LIKE \(bind: pattern) ESCAPE '\\')"
        }
        return condition
    }

    private static func approvedOrder(_ query: ListingQuery) -> SQLQueryString {
        let direction = query.direction
        switch query.order {
        case .id: return "c.id" + direction
        default: return "c.created_at" + direction + ", c.id" + direction
        }
    }

    private static func approvedComment(_ row: any SQLRow) throws -> ApprovedComment {
        ApprovedComment(
            id: try row.int64("id"), articleID: try row.int64("article_id"),
            parentID: try row.optionalInt64("parent_id"), authorName: try row.string("author_name"),
            authorURL: try row.string("author_url"), body: try row.string("body"),
            createdAt: try row.date("created_at"),
            articleDay: PublicationDay(isoDate: try row.string("publish_day"))
                ?? PublicationDay(year: 1970, month: 1, day: 1)!,
            articleSlug: try row.slug("slug"))
    }
}
