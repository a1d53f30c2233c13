import Foundation
import GazetteContent
import SQLKit

/// The revision history of articles, written by `ArticleStore.save` and read here.
public struct RevisionStore: Sendable {
    private let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// An article's revisions, newest first.
    public func list(articleID: Int64, limit: Int = 500) async throws -> [ArticleRevision] {
        try await database.read { db in
            try await db.raw(
                Self.select + " WHERE r.article_id = \(bind: articleID) ORDER BY r.revision DESC, r.id DESC"
                    + " LIMIT \(literal: limit)"
            ).all().map(Self.revision)
        }
    }

    /// One revision, with the one saved just before it (nil for the first) to show what changed.
    public func find(articleID: Int64, number: Int) async throws -> (ArticleRevision, previous: ArticleRevision?)? {
        try await database.read { db in
            let rows = try await db.raw(
                Self.select + " WHERE r.article_id = \(bind: articleID) AND r.revision <= \(bind: number)"
                    + " ORDER BY r.revision DESC, r.id DESC LIMIT 2"
            ).all().map(Self.revision)
            guard let revision = rows.first, revision.number == number else { return nil }
            return (revision, rows.count > 1 ? rows[1] : nil)
        }
    }

    private static let select: SQLQueryString = """
        SELECT r.id, r.article_id, r.revision, r.saved_at, u.name AS saved_by_name, r.title, r.dek, r.body_markdown,
            r.excerpt, r.status, r.note, r.body_trust, r.details
        FROM article_revisions r LEFT JOIN authors u ON u.id = r.saved_by
        """

    private static func revision(_ row: any SQLRow) throws -> ArticleRevision {
        ArticleRevision(
            id: try row.int64("id"), articleID: try row.int64("article_id"), number: Int(try row.int64("revision")),
            savedAt: try row.date("saved_at"), savedBy: try row.optionalString("saved_by_name"),
            title: try row.string("title"), dek: try row.string("dek"), bodyMarkdown: try row.string("body_markdown"),
            excerpt: try row.string("excerpt"), status: ArticleStatus(rawValue: try row.string("status")) ?? .draft,
            note: try row.string("note"),
            bodyTrust: HTMLTrust(rawValue: Int(try row.int64("body_trust"))) ?? .untrusted,
            details: RevisionDetails(json: try row.string("details")))
    }
}
