import Foundation
import GazetteContent
import SQLKit

/// A weighted tsvector with a GIN index and ts_rank; `ts_headline` for the snippet.
struct PostgresSearch: SearchEngine {
    static let headlineOptions =
        "StartSel=\u{E000}, StopSel=\u{E001}, MaxFragments=1, MaxWords=28, MinWords=12, FragmentDelimiter=…"

    /// `to_tsquery`: every word must appear; with `prefix`, the last one as a prefix. `SearchQuery` keeps
    /// letters and digits only, so no operator can come from a reader.
    static func tsQuery(_ query: SearchQuery, prefix: Bool) -> String {
        query.words.enumerated().map { index, word in
            word + (prefix && index == query.words.count - 1 ? ":*" : "")
        }.joined(separator: " & ")
    }

    func page(
        _ query: SearchQuery, prefix: Bool, page: PageRequest, window: Int, now: Date, in db: any SQLDatabase
    ) async throws -> Page<SearchHit> {
        let visible = ArticleQueries.visible(now: now)
        for setting in Dialect.postgres.searchPlanSettings { try await db.raw(SQLQueryString(setting)).run() }
        // The newest matches come from the index alone; visibility, ranking, bodies and headlines are worked
        // out for the window and the page only.
        let newestMatches: SQLQueryString =
            "WITH q AS MATERIALIZED (SELECT to_tsquery('simple', \(bind: Self.tsQuery(query, prefix: prefix))) AS query),"
            + " newest AS (SELECT x.article_id, x.document FROM article_search x, q"
            + " WHERE x.document @@ q.query ORDER BY x.article_id DESC LIMIT \(literal: window)),"
            + " found AS (SELECT newest.article_id, newest.document, a.published_at FROM newest"
            + " JOIN articles a ON a.id = newest.article_id WHERE " + visible + ")"
        let rows = try await db.raw(
            newestMatches
                + ", ranked AS (SELECT found.article_id, ts_rank(found.document, q.query) AS rank FROM found, q"
                + " ORDER BY rank DESC, found.published_at DESC, found.article_id DESC"
                + " LIMIT \(literal: page.size) OFFSET \(literal: page.offset))"
                + " SELECT " + SQLQueryString(ArticleQueries.summaryColumns)
                + ", ts_headline('simple', b.body_markdown, q.query, \(bind: Self.headlineOptions)) AS snippet"
                // A full window means there are more matches than are shown: say so, as SQLite does.
                + ", CASE WHEN (SELECT COUNT(*) FROM newest) = \(literal: window) THEN \(literal: window)"
                + " ELSE (SELECT COUNT(*) FROM found) END AS total"
                + " FROM ranked JOIN articles a ON a.id = ranked.article_id"
                + " JOIN article_bodies b ON b.article_id = a.id"
                + SQLQueryString(ArticleQueries.bylineJoins) + ", q"
                + " ORDER BY ranked.rank DESC, a.published_at DESC, a.id DESC"
        ).all()
        if rows.isEmpty && page.offset > 0 {
            // Past the last page: count the window alone, so the page can say how many there are.
            let count = try await db.raw(newestMatches + " SELECT COUNT(*) AS n FROM found").first()
            return Page(items: [], request: page, totalItems: Int(try count?.int64("n") ?? 0))
        }
        let total = try rows.first?.int64("total") ?? 0
        return Page(items: try rows.map(SearchHit.row), request: page, totalItems: Int(total))
    }
}
