/// The full-text index of articles: FTS5 on SQLite, a weighted tsvector with a GIN index on PostgreSQL.
/// Rows are kept in step by `SearchIndex.refresh` inside every article write; this fills it for articles
/// written before.
enum M007SearchIndex {
    static let migration = Migration(version: 7, name: "search index") { dialect in
        dialect.searchIndexSchema + [SearchIndex.refreshStatement(dialect, condition: "1 = 1", bodiesApart: false)]
    }
}
