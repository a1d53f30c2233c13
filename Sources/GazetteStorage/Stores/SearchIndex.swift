import Foundation
import GazetteContent
import SQLKit

/// Keeps the full-text index in step with articles, in the caller's transaction. The text indexed is the
/// headline, dek, body, tags, author and source, each weighted so headline hits rank first.
enum SearchIndex {
    /// Re-indexes the given articles (deleting rows of articles that no longer exist).
    static func refresh(ids: [Int64], dialect: Dialect, in db: any SQLDatabase) async throws {
        guard !ids.isEmpty else { return }
        let list = ids.map(String.init).joined(separator: ", ")
        try await db.raw(SQLQueryString(dialect.searchDelete(condition: "\(dialect.searchKey) IN (\(list))"))).run()
        try await db.raw(SQLQueryString(refreshStatement(dialect, condition: "a.id IN (\(list))"))).run()
    }

    /// Rebuilds the whole index; returns how many articles it holds.
    static func rebuild(dialect: Dialect, in db: any SQLDatabase) async throws {
        try await db.raw(SQLQueryString(dialect.searchDelete(condition: "1 = 1"))).run()
        try await db.raw(SQLQueryString(refreshStatement(dialect, condition: "1 = 1"))).run()
    }

    /// One INSERT … SELECT that indexes the articles matching `condition` (on `articles a`).
    /// `bodiesApart: false` is the schema before migration 9, when bodies were columns of `articles`.
    static func refreshStatement(_ dialect: Dialect, condition: String, bodiesApart: Bool = true) -> String {
        let body = bodiesApart ? "b.body_markdown" : "a.body_markdown"
        let bodyJoin = bodiesApart ? " JOIN article_bodies b ON b.article_id = a.id" : ""
        return dialect.searchInsert(
            select: """
                a.id, a.title, a.dek, \(body),
                COALESCE((SELECT \(dialect.joinedNames("g.name")) FROM article_tags t JOIN tags g ON g.id = t.tag_id
                    WHERE t.article_id = a.id), '') AS tag_names,
                au.name AS author_name, COALESCE(s.name, '') AS source_name
                FROM articles a\(bodyJoin) JOIN authors au ON au.id = a.author_id
                LEFT JOIN sources s ON s.id = a.source_id
                WHERE \(condition)
                """)
    }
}
