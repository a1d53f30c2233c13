/// What the editor keeps while someone writes, apart from the article itself until they save: one copy per
/// person and article (or per person for a new article), offered back when the editor opens again.
enum M019Autosaves {
    static let migration = Migration(version: 19, name: "autosaves") { _ in
        [
            """
            CREATE TABLE autosaves (
                author_id BIGINT NOT NULL REFERENCES authors(id) ON DELETE CASCADE,
                article_key TEXT NOT NULL,
                fields TEXT NOT NULL,
                based_on_revision INTEGER NOT NULL,
                saved_at BIGINT NOT NULL,
                PRIMARY KEY (author_id, article_key))
            """,
            "CREATE INDEX autosaves_saved_at ON autosaves (saved_at)",
        ]
    }
}
