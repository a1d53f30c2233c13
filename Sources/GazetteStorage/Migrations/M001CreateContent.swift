/// Authors, taxonomy, sources, articles and their corrections, with an index for each hot query.
enum M001CreateContent {
    static let migration = Migration(version: 1, name: "create content") { dialect in
        let id = dialect.primaryKey
        return [
            """
            CREATE TABLE authors (
                id \(id),
                name TEXT NOT NULL,
                slug TEXT NOT NULL UNIQUE,
                email TEXT NOT NULL UNIQUE,
                bio TEXT NOT NULL DEFAULT '',
                role TEXT NOT NULL,
                created_at BIGINT NOT NULL)
            """,
            "CREATE TABLE tags (id \(id), name TEXT NOT NULL, slug TEXT NOT NULL UNIQUE)",
            "CREATE TABLE categories (id \(id), name TEXT NOT NULL, slug TEXT NOT NULL UNIQUE)",
            "CREATE TABLE sources (id \(id), name TEXT NOT NULL, slug TEXT NOT NULL UNIQUE, url TEXT NOT NULL DEFAULT '')",
            """
            CREATE TABLE articles (
                id \(id),
                title TEXT NOT NULL,
                slug TEXT NOT NULL,
                publish_day TEXT NOT NULL,
                dek TEXT NOT NULL DEFAULT '',
                body_markdown TEXT NOT NULL,
                body_html TEXT NOT NULL,
                excerpt TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL,
                published_at BIGINT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                author_id BIGINT NOT NULL REFERENCES authors(id),
                category_id BIGINT REFERENCES categories(id),
                source_id BIGINT REFERENCES sources(id),
                source_url TEXT NOT NULL DEFAULT '',
                canonical_url TEXT NOT NULL DEFAULT '',
                image_url TEXT NOT NULL DEFAULT '',
                image_alt TEXT NOT NULL DEFAULT '',
                image_caption TEXT NOT NULL DEFAULT '',
                image_credit TEXT NOT NULL DEFAULT '',
                comment_status TEXT NOT NULL DEFAULT 'open',
                UNIQUE (publish_day, slug))
            """,
            "CREATE INDEX articles_latest ON articles (status, published_at DESC, id DESC)",
            "CREATE INDEX articles_by_slug ON articles (slug)",
            "CREATE INDEX articles_by_author ON articles (author_id, status, published_at DESC)",
            "CREATE INDEX articles_by_category ON articles (category_id, status, published_at DESC)",
            "CREATE INDEX articles_by_source ON articles (source_id, status, published_at DESC)",
            """
            CREATE TABLE article_tags (
                article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                tag_id BIGINT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
                position INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (article_id, tag_id))
            """,
            "CREATE INDEX article_tags_by_tag ON article_tags (tag_id, article_id)",
            """
            CREATE TABLE corrections (
                id \(id),
                article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                noted_at BIGINT NOT NULL,
                note TEXT NOT NULL)
            """,
            "CREATE INDEX corrections_by_article ON corrections (article_id, noted_at)",
            "CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
        ]
    }
}
