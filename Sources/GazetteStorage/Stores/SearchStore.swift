import Foundation
import GazetteContent
import SQLKit

/// Full-text search over published articles, ranked (headline hits above body hits, newer first among
/// equals), with a snippet of the body around the words found.
public struct SearchStore: Sendable {
    private let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// A found article and a snippet of its body; the words found sit between `SearchHit.markStart` and
    /// `SearchHit.markEnd`, which the page turns into highlights after escaping the text.
    public struct SearchHit: Sendable {
        public var summary: ArticleSummary
        public var snippet: String
        public static let markStart: Character = "\u{E000}"
        public static let markEnd: Character = "\u{E001}"
    }

    public func search(_ query: SearchQuery, page: PageRequest, now: Date) async throws -> Page<SearchHit> {
        guard !query.isEmpty else { return Page(items: [], request: page, totalItems: 0) }
        let dialect = database.dialect
        return try await database.read { db in
            let visible = ArticleQueries.visible(now: now)
            let total: Int64
            let rows: [any SQLRow]
            switch dialect {
            case .sqlite:
                // CROSS JOIN keeps the index as the outer loop: the match runs once, not once per article.
                total =
                    try await db.raw(
                        "SELECT COUNT(*) AS n FROM (SELECT 1 FROM article_search CROSS JOIN articles a"
                            + " WHERE a.id = article_search.rowid AND article_search MATCH \(bind: query.ftsMatch) AND "
                            + visible + " LIMIT \(literal: Self.countLimit))"
                    ).first()?.int64("n") ?? 0
                rows = try await db.raw(
                    "SELECT " + SQLQueryString(ArticleQueries.summaryColumns)
                        + ", snippet(article_search, 2, char(57344), char(57345), '…', 28) AS snippet"
                        + " FROM article_search CROSS JOIN articles a" + SQLQueryString(ArticleQueries.bylineJoins)
                        + " WHERE a.id = article_search.rowid AND article_search MATCH \(bind: query.ftsMatch) AND "
                        + visible
                        + " ORDER BY bm25(article_search, 10.0, 5.0, 1.0, 3.0, 2.0, 2.0), a.published_at DESC, a.id DESC"
                        + " LIMIT \(literal: page.size) OFFSET \(literal: page.offset)"
                ).all()
            case .postgres:
                total =
                    try await db.raw(
                        "SELECT COUNT(*) AS n FROM (SELECT 1 FROM article_search x JOIN articles a ON a.id = x.article_id"
                            + " WHERE x.document @@ to_tsquery('simple', \(bind: query.tsQuery)) AND " + visible
                            + " LIMIT \(literal: Self.countLimit)) AS found"
                    ).first()?.int64("n") ?? 0
                rows = try await db.raw(
                    "SELECT " + SQLQueryString(ArticleQueries.summaryColumns)
                        + ", ts_headline('simple', a.body_markdown, q.query, \(bind: Self.headlineOptions)) AS snippet"
                        + " FROM article_search x"
                        + " JOIN (SELECT to_tsquery('simple', \(bind: query.tsQuery)) AS query) q ON x.document @@ q.query"
                        + " JOIN articles a ON a.id = x.article_id" + SQLQueryString(ArticleQueries.bylineJoins)
                        + " WHERE " + visible
                        + " ORDER BY ts_rank(x.document, q.query) DESC, a.published_at DESC, a.id DESC"
                        + " LIMIT \(literal: page.size) OFFSET \(literal: page.offset)"
                ).all()
            }
            let hits = try rows.map {
                SearchHit(summary: try ArticleQueries.summary($0), snippet: try $0.string("snippet"))
            }
            return Page(items: hits, request: page, totalItems: Int(total))
        }
    }

    /// Rebuilds the index from every article; `gazette search reindex` runs it.
    public func reindex() async throws -> Int {
        let dialect = database.dialect
        return try await database.write { db in
            try await SearchIndex.rebuild(dialect: dialect, in: db)
            return Int(try await db.raw("SELECT COUNT(*) AS n FROM articles").first()?.int64("n") ?? 0)
        }
    }

    /// Counting stops here: nobody pages through more, and counting every match of a common word is slow.
    public static let countLimit = 1_000

    static let headlineOptions =
        "StartSel=\u{E000}, StopSel=\u{E001}, MaxFragments=1, MaxWords=28, MinWords=12, FragmentDelimiter=…"
}
