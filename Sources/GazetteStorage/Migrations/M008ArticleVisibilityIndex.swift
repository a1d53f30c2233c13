/// A narrow index of each article's visibility. SQLite keeps an article's columns in one record, and the
/// bodies come before `status` and `published_at`, so checking whether an article is public read its
/// overflow pages; with this index, search checks a thousand candidates without touching a body.
enum M008ArticleVisibilityIndex {
    static let migration = Migration(version: 8, name: "article visibility index") { _ in
        ["CREATE INDEX articles_visibility ON articles (id, status, published_at)"]
    }
}
