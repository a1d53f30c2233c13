/// Two-step sign-in: each person's authenticator secret (empty until they set one up), when it was turned on,
/// the last time step accepted (so a code works once), and their one-time recovery codes, kept as digests.
enum M016TwoFactor {
    static let migration = Migration(version: 16, name: "two-step sign-in") { dialect in
        [
            "ALTER TABLE authors ADD COLUMN totp_secret TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE authors ADD COLUMN totp_enabled_at BIGINT",
            "ALTER TABLE authors ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0",
            """
            CREATE TABLE recovery_codes (
                id \(dialect.primaryKey),
                user_id BIGINT NOT NULL REFERENCES authors(id) ON DELETE CASCADE,
                digest TEXT NOT NULL,
                used_at BIGINT)
            """,
            "CREATE INDEX recovery_codes_by_user ON recovery_codes (user_id)",
        ]
    }
}
