/// Forms posted after a newsroom session ended, kept for the person to find again once signed in: in the
/// database, so the instance they sign in on has them too.
enum M017KeptForms {
    static let migration = Migration(version: 17, name: "kept forms") { _ in
        [
            """
            CREATE TABLE kept_forms (
                form_key TEXT PRIMARY KEY,
                path TEXT NOT NULL,
                fields TEXT NOT NULL,
                kept_at BIGINT NOT NULL)
            """,
            "CREATE INDEX kept_forms_kept_at ON kept_forms (kept_at)",
        ]
    }
}
