/// A revision number on each article, so two editors saving the same version are told instead of one
/// silently overwriting the other.
enum M004ArticleRevisions {
    static let migration = Migration(version: 4, name: "article revision numbers") { _ in
        [
            "ALTER TABLE articles ADD COLUMN revision INTEGER NOT NULL DEFAULT 1",
            "CREATE INDEX articles_by_status ON articles (status, updated_at DESC)",
        ]
    }
}
