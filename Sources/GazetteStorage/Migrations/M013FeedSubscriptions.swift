/// Other outlets' feeds that `gazette serve` reads on a schedule (`gazette feeds add`).
enum M013FeedSubscriptions {
    static let migration = Migration(version: 13, name: "feed subscriptions") { dialect in
        [
            """
            CREATE TABLE feed_subscriptions (
                id \(dialect.primaryKey),
                location TEXT NOT NULL UNIQUE,
                source_name TEXT NOT NULL,
                status TEXT NOT NULL,
                author_id BIGINT REFERENCES authors(id) ON DELETE SET NULL,
                every_minutes INTEGER NOT NULL,
                next_run_at BIGINT NOT NULL,
                last_run_at BIGINT,
                last_result TEXT NOT NULL DEFAULT '',
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX feed_subscriptions_due ON feed_subscriptions (next_run_at)",
        ]
    }
}
