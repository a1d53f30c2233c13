import Foundation
import GazetteContent
import SQLKit

/// FTS5 with bm25, headline weighted above the body.
struct SQLiteSearch: SearchEngine {
    /// Every word must appear, each a quoted string; with `prefix`, the last one as a prefix. `SearchQuery`
    /// keeps letters and digits only, so nothing of FTS5's syntax can come from a reader.
    static func match(_ query: SearchQuery, prefix: Bool) -> String {
        query.words.enumerated().map { index, word in
            "\"\(word)\"" + (prefix && index == query.words.count - 1 ? "*" : "")
        }.joined(separator: " ")
    }

    func page(
        _ query: SearchQuery, prefix: Bool, page: PageRequest, window: Int, now: Date, in db: any SQLDatabase
    ) async throws -> Page<SearchHit> {
        let visible = ArticleQueries.visible(now: now)
        let match = Self.match(query, prefix: prefix)
        // The index hands out matches newest first, so one short pass counts the window and finds where it
        // starts; CROSS JOIN keeps the index as the outer loop.
        let bounds = try await db.raw(
            "SELECT COUNT(*) AS n, MIN(id) AS oldest FROM (SELECT article_search.rowid AS id"
                + " FROM article_search CROSS JOIN articles a WHERE a.id = article_search.rowid"
                + " AND article_search MATCH \(bind: match) AND " + visible
                + " ORDER BY article_search.rowid DESC LIMIT \(literal: window))"
        ).first()
        let total = try bounds?.int64("n") ?? 0
        guard total > page.offset, let oldest = try bounds?.optionalInt64("oldest") else {
            return Page(items: [], request: page, totalItems: Int(total))
        }
        // Ranking needs only the narrow visibility index; bodies are read for the page's rows alone.
        let ranked = try await db.raw(
            "SELECT a.id FROM article_search CROSS JOIN articles a"
                + " WHERE a.id = article_search.rowid AND article_search MATCH \(bind: match)"
                + " AND article_search.rowid >= \(bind: oldest) AND " + visible
                + " ORDER BY bm25(article_search, 10.0, 5.0, 1.0, 3.0, 2.0, 2.0), a.published_at DESC, a.id DESC"
                + " LIMIT \(literal: page.size) OFFSET \(literal: page.offset)"
        ).all().map { try $0.int64("id") }
        let list = SQLQueryString(ranked.map(String.init).joined(separator: ", "))
        let unordered = try await db.raw(
            "SELECT " + SQLQueryString(ArticleQueries.summaryColumns)
                + ", snippet(article_search, 2, char(57344), char(57345), '…', 28) AS snippet"
                + " FROM article_search CROSS JOIN articles a" + SQLQueryString(ArticleQueries.bylineJoins)
                + " WHERE a.id = article_search.rowid AND article_search MATCH \(bind: match)"
                + " AND article_search.rowid IN (" + list + ")"
        ).all()
        let position = Dictionary(uniqueKeysWithValues: ranked.enumerated().map { ($1, $0) })
        let rows = try unordered.map { (position[try $0.int64("id")] ?? 0, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        return Page(items: try rows.map(SearchHit.row), request: page, totalItems: Int(total))
    }
}
