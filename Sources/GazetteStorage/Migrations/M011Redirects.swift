/// Old addresses that answer with a 301 to an article's current one: written when a published article's
/// slug or date changes, and by imports for the permalinks of the site they came from.
enum M011Redirects {
    static let migration = Migration(version: 11, name: "redirects") { _ in
        [
            """
            CREATE TABLE redirects (
                path TEXT PRIMARY KEY,
                article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX redirects_by_article ON redirects (article_id)",
        ]
    }
}
