/// Replies written from the newsroom remember who wrote them, so the page can mark them "Staff": a name
/// alone proves nothing, since any reader may type an editor's name.
enum M018StaffReplies {
    static let migration = Migration(version: 18, name: "staff replies") { _ in
        ["ALTER TABLE comments ADD COLUMN staff_author_id BIGINT REFERENCES authors(id) ON DELETE SET NULL"]
    }
}
