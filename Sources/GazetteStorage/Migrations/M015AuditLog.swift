/// The newsroom's audit log, kept in the database so every instance writes to and reads the same one.
enum M015AuditLog {
    static let migration = Migration(version: 15, name: "audit log") { dialect in
        [
            """
            CREATE TABLE audit_events (
                id \(dialect.primaryKey),
                at BIGINT NOT NULL,
                action TEXT NOT NULL,
                actor_id BIGINT REFERENCES authors(id) ON DELETE SET NULL,
                actor_name TEXT NOT NULL,
                target TEXT NOT NULL DEFAULT '',
                detail TEXT NOT NULL DEFAULT '',
                address TEXT NOT NULL DEFAULT '')
            """,
            "CREATE INDEX audit_events_at ON audit_events (at, id)",
            "CREATE INDEX audit_events_action ON audit_events (action, at)",
        ]
    }
}
