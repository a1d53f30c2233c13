/// Readers who asked for email: one row per address (`status`: active, unsubscribed, bounced; when and how
/// they first confirmed, for the consent record), and what each follows (`SubscriptionTopic`), each topic
/// confirmed on its own, since anyone can type someone else's address into a form.
enum M023Subscribers {
    static let migration = Migration(version: 23, name: "subscribers") { dialect in
        [
            """
            CREATE TABLE subscribers (
                id \(dialect.primaryKey),
                email TEXT NOT NULL UNIQUE,
                status TEXT NOT NULL DEFAULT 'active',
                created_at BIGINT NOT NULL,
                changed_at BIGINT NOT NULL,
                confirmed_at BIGINT,
                consent TEXT NOT NULL DEFAULT '',
                stop_reason TEXT NOT NULL DEFAULT '')
            """,
            """
            CREATE TABLE subscriptions (
                subscriber_id BIGINT NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
                topic TEXT NOT NULL,
                requested_at BIGINT NOT NULL,
                confirmed_at BIGINT,
                PRIMARY KEY (subscriber_id, topic))
            """,
            "CREATE INDEX subscriptions_topic ON subscriptions (topic, confirmed_at)",
        ]
    }
}
