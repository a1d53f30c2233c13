/// Reader comments, threaded, with each article's approved-comment count kept beside it.
enum M002CreateComments {
    static let migration = Migration(version: 2, name: "create comments") { dialect in
        [
            "ALTER TABLE articles ADD COLUMN comment_count INTEGER NOT NULL DEFAULT 0",
            """
            CREATE TABLE comments (
                id \(dialect.primaryKey),
                article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                parent_id BIGINT,
                thread_id BIGINT NOT NULL DEFAULT 0,
                depth INTEGER NOT NULL DEFAULT 0,
                author_name TEXT NOT NULL,
                author_email TEXT NOT NULL,
                author_url TEXT NOT NULL DEFAULT '',
                author_ip TEXT NOT NULL DEFAULT '',
                user_agent TEXT NOT NULL DEFAULT '',
                body TEXT NOT NULL,
                status TEXT NOT NULL,
                spam_score INTEGER NOT NULL DEFAULT 0,
                spam_reasons TEXT NOT NULL DEFAULT '',
                fingerprint TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL)
            """,
            // The same text from the same email under the same parent is one comment, even when two
            // requests race: the second insert fails on this index instead of duplicating.
            "CREATE UNIQUE INDEX comments_fingerprint ON comments (fingerprint)",
            "CREATE INDEX comments_by_article ON comments (article_id, status, parent_id, created_at)",
            "CREATE INDEX comments_by_thread ON comments (thread_id, status, created_at)",
            "CREATE INDEX comments_by_status ON comments (status, created_at)",
            "CREATE INDEX comments_by_author ON comments (author_email, author_name, status)",
            "CREATE INDEX comments_by_ip ON comments (author_ip, created_at)",
        ]
    }
}
