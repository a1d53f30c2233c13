/// Article bodies move to a table of their own. SQLite keeps a row's columns in one record, and with the
/// Markdown and HTML (10 KB and more) in the middle of it, every list, feed, sitemap and visibility check
/// walked each article's overflow pages to reach the small columns after them: a sitemap of 100,000
/// articles read the whole database. The article rows are now small; bodies are read only for the pages
/// that show them. (On PostgreSQL, which keeps large values aside anyway, this changes little.)
enum M009ArticleBodies {
    static let migration = Migration(version: 9, name: "article bodies apart") { dialect in
        [
            """
            CREATE TABLE article_bodies (
                article_id \(dialect.sharedPrimaryKey) REFERENCES articles(id) ON DELETE CASCADE,
                body_markdown TEXT NOT NULL,
                body_html TEXT NOT NULL)
            """,
            "INSERT INTO article_bodies (article_id, body_markdown, body_html) SELECT id, body_markdown, body_html FROM articles",
            "ALTER TABLE articles DROP COLUMN body_markdown",
            "ALTER TABLE articles DROP COLUMN body_html",
        ]
    }
}
