/// A copy of an article's text after every save, so editors can see what changed and restore it.
enum M005RevisionHistory {
    static let migration = Migration(version: 5, name: "revision history") { dialect in
        [
            """
            CREATE TABLE article_revisions (
                id \(dialect.primaryKey),
                article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                revision INTEGER NOT NULL,
                saved_at BIGINT NOT NULL,
                saved_by BIGINT REFERENCES authors(id) ON DELETE SET NULL,
                title TEXT NOT NULL,
                dek TEXT NOT NULL,
                body_markdown TEXT NOT NULL,
                excerpt TEXT NOT NULL,
                status TEXT NOT NULL,
                note TEXT NOT NULL DEFAULT '')
            """,
            // One row per revision number: two saves can never both claim the same one.
            "CREATE UNIQUE INDEX article_revisions_by_article ON article_revisions (article_id, revision)",
            // Articles written before the history began start it with their current text.
            """
            INSERT INTO article_revisions
                (article_id, revision, saved_at, title, dek, body_markdown, excerpt, status, note)
            SELECT id, revision, updated_at, title, dek, body_markdown, excerpt, status, 'Before the revision history'
            FROM articles
            """,
        ]
    }
}
