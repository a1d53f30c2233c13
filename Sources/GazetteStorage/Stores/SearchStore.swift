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

    /// Finds published articles with every word of the query; when none has them all, the last word is
    /// tried again as the start of longer words, so "harb" finds "harbour".
    public func search(_ query: SearchQuery, page: PageRequest, now: Date) async throws -> Page<SearchHit> {
        guard !query.isEmpty else { return Page(items: [], request: page, totalItems: 0) }
        let whole = try await search(query, prefix: false, page: page, now: now)
        guard whole.totalItems == 0, query.allowsPrefix else { return whole }
        return try await search(query, prefix: true, page: page, now: now)
    }

    private func search(
        _ query: SearchQuery, prefix: Bool, page: PageRequest, now: Date
    ) async throws
        -> Page<SearchHit>
    {
        let engine = database.dialect.searchEngine
        let window = self.window
        return try await database.readTransaction { db in
            try await engine.page(query, prefix: prefix, page: page, window: window, now: now, in: db)
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

}
