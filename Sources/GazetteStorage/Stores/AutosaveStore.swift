import Foundation
import SQLKit

/// The editor's kept copies (see `M019Autosaves`): one per person and article, replaced at each autosave.
public struct AutosaveStore: Sendable {
    private let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// A kept copy: the form's fields, the revision it started from, and when it was kept.
    public struct Kept: Sendable, Equatable {
        public var fields: [String: [String]]
        public var basedOnRevision: Int
        public var savedAt: Date
    }

    public func keep(
        authorID: Int64, articleKey: String, fields: [String: [String]], basedOnRevision: Int, at now: Date
    ) async throws {
        let json = String(decoding: try JSONEncoder().encode(fields), as: UTF8.self)
        try await database.write { db in
            try await db.raw(
                """
                INSERT INTO autosaves (author_id, article_key, fields, based_on_revision, saved_at)
                VALUES (\(bind: authorID), \(bind: articleKey), \(bind: json), \(bind: basedOnRevision),
                    \(bind: now.storedSeconds))
                ON CONFLICT (author_id, article_key) DO UPDATE SET fields = excluded.fields,
                    based_on_revision = excluded.based_on_revision, saved_at = excluded.saved_at
                """
            ).run()
        }
    }

    public func find(authorID: Int64, articleKey: String) async throws -> Kept? {
        try await database.read { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT fields, based_on_revision, saved_at FROM autosaves
                    WHERE author_id = \(bind: authorID) AND article_key = \(bind: articleKey)
                    """
                ).first()
            else { return nil }
            let fields = try JSONDecoder().decode([String: [String]].self, from: Data(try row.string("fields").utf8))
            return Kept(
                fields: fields, basedOnRevision: Int(try row.int64("based_on_revision")),
                savedAt: try row.date("saved_at"))
        }
    }

    public func discard(authorID: Int64, articleKey: String) async throws {
        try await database.write { db in
            try await db.raw(
                "DELETE FROM autosaves WHERE author_id = \(bind: authorID) AND article_key = \(bind: articleKey)"
            ).run()
        }
    }

    /// Copies kept before `cutoff` go.
    public func purge(before cutoff: Date) async throws {
        try await database.write { db in
            try await db.raw("DELETE FROM autosaves WHERE saved_at < \(bind: cutoff.storedSeconds)").run()
        }
    }
}
