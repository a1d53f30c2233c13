import Foundation
import GazetteContent
import SQLKit

/// One engine's full-text search: the newest `window` matches counted and ranked, one page of them read
/// with a snippet. Ranking every match of a common word reads the whole index (0.3 s and more at 100,000
/// articles); a newsroom's readers want recent articles, and nobody pages past a thousand results. Within
/// the window, headline hits rank first.
protocol SearchEngine: Sendable {
    /// `prefix`: the last word may also be the start of longer words.
    func page(
        _ query: SearchQuery, prefix: Bool, page: PageRequest, window: Int, now: Date, in db: any SQLDatabase
    ) async throws -> Page<SearchHit>
}

extension Dialect {
    var searchEngine: any SearchEngine {
        switch self {
        case .sqlite: SQLiteSearch()
        case .postgres: PostgresSearch()
        }
    }
}

extension SearchHit {
    /// From a row with the summary's columns and a `snippet`.
    static func row(_ row: any SQLRow) throws -> SearchHit {
        SearchHit(summary: try ArticleQueries.summary(row), snippet: try row.string("snippet"))
    }
}
