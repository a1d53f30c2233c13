/// What imports from other platforms need: a record of what each run brought in (so running it again
/// adds nothing twice), category hierarchy, and pages beside articles.
///
/// `articles_latest` gains `kind` after `status`, so lists of articles (pages left out) still read one
/// range of the index.
enum M012Imports {
    static let migration = Migration(version: 12, name: "imports") { _ in
        [
            """
            CREATE TABLE import_keys (
                kind TEXT NOT NULL,
                source_key TEXT NOT NULL,
                local_id BIGINT NOT NULL,
                imported_at BIGINT NOT NULL,
                PRIMARY KEY (kind, source_key))
            """,
            "ALTER TABLE categories ADD COLUMN parent_id BIGINT REFERENCES categories(id) ON DELETE SET NULL",
            "ALTER TABLE articles ADD COLUMN kind TEXT NOT NULL DEFAULT 'article'",
            "DROP INDEX articles_latest",
            "CREATE INDEX articles_latest ON articles (status, kind, published_at DESC, id DESC)",
        ]
    }
}
