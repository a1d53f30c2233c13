/// The durable outbox: every email is written here in the same transaction as the event that causes it,
/// then sent by a background service. One row per event and recipient, so an event never mails anyone
/// twice; `status` says how far sending got (see `OutboxStore`).
enum M021Outbox {
    static let migration = Migration(version: 21, name: "outbox") { dialect in
        [
            """
            CREATE TABLE outbox (
                id \(dialect.primaryKey),
                event_key TEXT NOT NULL,
                recipient TEXT NOT NULL,
                sender TEXT NOT NULL,
                message TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                next_attempt_at BIGINT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                status TEXT NOT NULL DEFAULT 'waiting',
                claimed_until BIGINT NOT NULL DEFAULT 0,
                sent_at BIGINT,
                last_error TEXT NOT NULL DEFAULT '')
            """,
            "CREATE UNIQUE INDEX outbox_once ON outbox (event_key, recipient)",
            "CREATE INDEX outbox_due ON outbox (status, next_attempt_at)",
        ]
    }
}
