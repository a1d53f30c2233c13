import Foundation

/// Full-text search, the biggest difference between the engines: FTS5 with bm25 on SQLite, a weighted
/// tsvector with a GIN index and ts_rank on PostgreSQL. Neither stems words (sites write in any language),
/// both fold case, and SQLite also folds accents.
extension Dialect {
    var searchIndexSchema: [String] {
        switch self {
        case .sqlite:
            [
                """
                CREATE VIRTUAL TABLE article_search USING fts5(
                    title, dek, body, tags, author, source, tokenize = 'unicode61 remove_diacritics 2')
                """
            ]
        case .postgres:
            [
                """
                CREATE TABLE article_search (
                    article_id BIGINT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                    document TSVECTOR NOT NULL)
                """,
                "CREATE INDEX article_search_document ON article_search USING GIN (document)",
            ]
        }
    }

    /// Set in the search's transaction. PostgreSQL prices `@@` as if checking a document were free, so on
    /// a small table or for a rare word it reads and decompresses every document (0.2 s at 20,000
    /// articles) instead of asking the GIN index; these leave the index as the way in.
    var searchPlanSettings: [String] {
        switch self {
        case .sqlite: []
        case .postgres: ["SET LOCAL enable_seqscan = off", "SET LOCAL enable_indexscan = off"]
        }
    }

    /// The index's article id column.
    var searchKey: String {
        switch self {
        case .sqlite: "rowid"
        case .postgres: "article_id"
        }
    }

    func searchDelete(condition: String) -> String {
        "DELETE FROM article_search WHERE \(condition)"
    }

    /// Indexes the rows of `select` (id, title, dek, body_markdown, tag_names, author_name, source_name).
    func searchInsert(select: String) -> String {
        switch self {
        case .sqlite:
            "INSERT INTO article_search (rowid, title, dek, body, tags, author, source) SELECT " + select
        case .postgres:
            """
            INSERT INTO article_search (article_id, document)
            SELECT id, setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', dek), 'B')
                || setweight(to_tsvector('simple', tag_names || ' ' || author_name || ' ' || source_name), 'C')
                || setweight(to_tsvector('simple', left(body_markdown, 200000)), 'D')
            FROM (SELECT \(select)) AS src
            """
        }
    }

    /// An aggregate joining names with spaces.
    func joinedNames(_ column: String) -> String {
        switch self {
        case .sqlite: "group_concat(\(column), ' ')"
        case .postgres: "string_agg(\(column), ' ')"
        }
    }
}
