import Foundation
import GazetteContent
import SQLKit

/// Full-text search over published articles, ranked (headline hits above body hits, newer first among
/// equals), with a snippet of the body around the words found.
public struct SearchStore: Sendable {
    private let database: Database
    private let window: Int

    /// `window`: how many of the newest matches are counted and ranked.
    public init(database: Database, window: Int = SearchStore.window) {
        self.database = database
        self.window = window
    }

    /// A found article and a snippet of its body; the words found sit between `SearchHit.markStart` and
    /// `SearchHit.markEnd`, which the page turns into highlights after escaping the text.
    public struct SearchHit: Sendable {
        public var summary: ArticleSummary
        public var snippet: String
        public static let markStart: Character = "\u{E000}"
        public static let markEnd: Character = "\u{E001}"
    }

    /// Finds published articles with every word of the query; when none has them all, the last word is
    /// tried again as the start of longer words, so "harb" finds "harbour".
    public func search(_ query: SearchQuery, page: PageRequest, now: Date) async throws -> Page<SearchHit> {
        guard !query.isEmpty else { return Page(items: [], request: page, totalItems: 0) }
        let whole = try await search(query, prefix: false, page: page, now: now)
        guard whole.totalItems == 0, query.allowsPrefix else { return whole }
        return try await search(query, prefix: true, page: page, now: now)
    }

    /// Ranking looks at the newest `window` matches only. Ranking every match of a common word reads the
    /// whole index (0.3 s and more at 100,000 articles); a newsroom's readers want recent articles, and
    /// nobody pages past a thousand results. Within the window, headline hits rank first.
    private func search(
        _ query: SearchQuery, prefix: Bool, page: PageRequest, now: Date
    ) async throws
        -> Page<SearchHit>
    {
        let dialect = database.dialect
        let window = self.window
        return try await database.readTransaction { db in
            let visible = ArticleQueries.visible(now: now)
            let total: Int64
            let rows: [any SQLRow]
            switch dialect {
            case .sqlite:
                let match = query.ftsMatch(prefix: prefix)
                // The index hands out matches newest first, so one short pass counts the window and finds
                // where it starts; CROSS JOIN keeps the index as the outer loop.
                let bounds = try await db.raw(
                    "SELECT COUNT(*) AS n, MIN(id) AS oldest FROM (SELECT article_search.rowid AS id"
                        + " FROM article_search CROSS JOIN articles a WHERE a.id = article_search.rowid"
                        + " AND article_search MATCH \(bind: match) AND " + visible
                        + " ORDER BY article_search.rowid DESC LIMIT \(literal: window))"
                ).first()
                total = try bounds?.int64("n") ?? 0
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
                rows = try unordered.map { (position[try $0.int64("id")] ?? 0, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
            case .postgres:
                for setting in dialect.searchPlanSettings { try await db.raw(SQLQueryString(setting)).run() }
                // The newest matches come from the index alone; visibility, ranking, bodies and headlines
                // are worked out for the window and the page only.
                let newestMatches: SQLQueryString =
                    "WITH q AS MATERIALIZED (SELECT to_tsquery('simple', \(bind: query.tsQuery(prefix: prefix))) AS query),"
                    + " newest AS (SELECT x.article_id, x.document FROM article_search x, q"
                    + " WHERE x.document @@ q.query ORDER BY x.article_id DESC LIMIT \(literal: window)),"
                    + " found AS (SELECT newest.article_id, newest.document, a.published_at FROM newest"
                    + " JOIN articles a ON a.id = newest.article_id WHERE " + visible + ")"
                rows = try await db.raw(
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
                total = try rows.first?.int64("total") ?? 0
                if rows.isEmpty && page.offset > 0 {
                    // Past the last page: count the window alone, so the page can say how many there are.
                    let count = try await db.raw(newestMatches + " SELECT COUNT(*) AS n FROM found").first()
                    return Page(items: [], request: page, totalItems: Int(try count?.int64("n") ?? 0))
                }
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

    /// How many of the newest matches are counted and ranked, unless a test asks for fewer.
    public static let window = 1_000

    static let headlineOptions =
        "StartSel=\u{E000}, StopSel=\u{E001}, MaxFragments=1, MaxWords=28, MinWords=12, FragmentDelimiter=…"
}
