/// Newsroom accounts: passwords on authors, sessions, sign-in failures and one-time links.
enum M003CreateAccounts {
    static let migration = Migration(version: 3, name: "create accounts") { dialect in
        [
            "ALTER TABLE authors ADD COLUMN password_hash TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE authors ADD COLUMN active INTEGER NOT NULL DEFAULT 1",
            "ALTER TABLE authors ADD COLUMN avatar_url TEXT NOT NULL DEFAULT ''",
            // Session ids and link tokens are stored as SHA-256 digests: a copy of the database opens nothing.
            """
            CREATE TABLE sessions (
                id TEXT PRIMARY KEY,
                user_id BIGINT NOT NULL REFERENCES authors(id) ON DELETE CASCADE,
                csrf_token TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                last_seen_at BIGINT NOT NULL,
                ip TEXT NOT NULL DEFAULT '',
                user_agent TEXT NOT NULL DEFAULT '')
            """,
            "CREATE INDEX sessions_by_user ON sessions (user_id)",
            """
            CREATE TABLE login_failures (
                id \(dialect.primaryKey),
                email TEXT NOT NULL,
                ip TEXT NOT NULL,
                failed_at BIGINT NOT NULL)
            """,
            "CREATE INDEX login_failures_by_email ON login_failures (email, failed_at)",
            "CREATE INDEX login_failures_by_ip ON login_failures (ip, failed_at)",
            """
            CREATE TABLE one_time_links (
                id TEXT PRIMARY KEY,
                purpose TEXT NOT NULL,
                user_id BIGINT REFERENCES authors(id) ON DELETE CASCADE,
                role TEXT NOT NULL DEFAULT '',
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                used_at BIGINT)
            """,
        ]
    }
}
