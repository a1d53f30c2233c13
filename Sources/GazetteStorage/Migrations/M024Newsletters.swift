/// Newsletters: an article sent to its subscribers, or a digest (one per `period`, such as `daily:2026-12-03`). Each is rendered once, then fanned out
/// into the outbox a batch per transaction, `cursor` remembering the last subscriber reached, so a restart
/// carries on where it stopped and the outbox's one-per-event rule keeps it to one copy each. Its outbox
/// rows carry no message of their own: the sender writes each from the newsletter and the subscriber.
enum M024Newsletters {
    static let migration = Migration(version: 24, name: "newsletters") { dialect in
        [
            """
            CREATE TABLE newsletters (
                id \(dialect.primaryKey),
                kind TEXT NOT NULL,
                article_id BIGINT REFERENCES articles(id) ON DELETE SET NULL,
                period TEXT,
                audience TEXT NOT NULL,
                send_after BIGINT NOT NULL,
                status TEXT NOT NULL DEFAULT 'waiting',
                subject TEXT NOT NULL DEFAULT '',
                html TEXT NOT NULL DEFAULT '',
                text_body TEXT NOT NULL DEFAULT '',
                marker TEXT NOT NULL DEFAULT '',
                cursor_id BIGINT NOT NULL DEFAULT 0,
                recipients INTEGER NOT NULL DEFAULT 0,
                created_at BIGINT NOT NULL,
                finished_at BIGINT,
                created_by BIGINT)
            """,
            "CREATE UNIQUE INDEX newsletters_once_per_article ON newsletters (article_id) WHERE kind = 'article'",
            "CREATE UNIQUE INDEX newsletters_once_per_period ON newsletters (period) WHERE kind = 'digest'",
            "CREATE INDEX newsletters_due ON newsletters (status, send_after)",
            "ALTER TABLE outbox ADD COLUMN newsletter_id BIGINT",
            "ALTER TABLE outbox ADD COLUMN subscriber_id BIGINT",
        ]
    }
}
