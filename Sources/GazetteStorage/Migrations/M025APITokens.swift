/// Tokens for the Admin API: each acts as one person, within its scopes, and is kept only as a digest
/// (the token itself is shown once, when it is made). `hint` is its last characters, for telling tokens
/// apart in lists; a revoked token keeps its row for the record.
enum M025APITokens {
    static let migration = Migration(version: 25, name: "api tokens") { dialect in
        [
            """
            CREATE TABLE api_tokens (
                id \(dialect.primaryKey),
                name TEXT NOT NULL,
                author_id BIGINT NOT NULL REFERENCES authors(id) ON DELETE CASCADE,
                digest TEXT NOT NULL UNIQUE,
                hint TEXT NOT NULL,
                scopes TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                created_by BIGINT,
                last_used_at BIGINT,
                revoked_at BIGINT)
            """,
            "CREATE INDEX api_tokens_by_author ON api_tokens (author_id)",
        ]
    }
}
