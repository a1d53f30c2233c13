/// Uploaded images and the text kept with them; the files themselves live in the media folder.
enum M006CreateMedia {
    static let migration = Migration(version: 6, name: "create media") { dialect in
        [
            """
            CREATE TABLE media (
                id \(dialect.primaryKey),
                path TEXT NOT NULL UNIQUE,
                original_name TEXT NOT NULL,
                format TEXT NOT NULL,
                byte_count BIGINT NOT NULL,
                width INTEGER,
                height INTEGER,
                alt TEXT NOT NULL,
                caption TEXT NOT NULL DEFAULT '',
                credit TEXT NOT NULL DEFAULT '',
                uploaded_by BIGINT REFERENCES authors(id) ON DELETE SET NULL,
                uploaded_at BIGINT NOT NULL)
            """,
            "CREATE INDEX media_by_date ON media (uploaded_at DESC, id DESC)",
        ]
    }
}
