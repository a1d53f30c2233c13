/// Webhooks: the endpoints admins register, and one delivery per endpoint and event, written in the same
/// transaction as the event (as the outbox is). A delivery goes `waiting` → `sending` (claimed by one
/// instance until `claimed_until`) → `delivered`, or back to `waiting` with a later attempt, or to `failed`
/// after `give_up_at`. `payload` is the exact body sent, so "send again" repeats it byte for byte.
/// (Number 25 belongs to the API tokens, built on another branch.)
enum M026Webhooks {
    static let migration = Migration(version: 26, name: "webhooks") { dialect in
        [
            """
            CREATE TABLE webhook_endpoints (
                id \(dialect.primaryKey),
                url TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                events TEXT NOT NULL,
                active INTEGER NOT NULL DEFAULT 1,
                secret TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE webhook_deliveries (
                id \(dialect.primaryKey),
                endpoint_id BIGINT NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
                delivery_key TEXT NOT NULL,
                event TEXT NOT NULL,
                payload TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                next_attempt_at BIGINT NOT NULL,
                give_up_at BIGINT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                status TEXT NOT NULL DEFAULT 'waiting',
                claimed_until BIGINT NOT NULL DEFAULT 0,
                response_status INTEGER,
                response_ms INTEGER,
                last_error TEXT NOT NULL DEFAULT '',
                last_attempt_at BIGINT,
                delivered_at BIGINT)
            """,
            "CREATE UNIQUE INDEX webhook_deliveries_key ON webhook_deliveries (delivery_key)",
            "CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at)",
            "CREATE INDEX webhook_deliveries_log ON webhook_deliveries (endpoint_id, id)",
        ]
    }
}
