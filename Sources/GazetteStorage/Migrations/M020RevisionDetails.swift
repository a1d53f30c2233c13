/// Revisions keep every field a save sets, not only the text: tags, category, source, image, corrections,
/// address and settings, as JSON (`RevisionDetails`). Older revisions have none (an empty text).
enum M020RevisionDetails {
    static let migration = Migration(version: 20, name: "revision details") { _ in
        ["ALTER TABLE article_revisions ADD COLUMN details TEXT NOT NULL DEFAULT ''"]
    }
}
