import Foundation
import GazetteContent
import SQLKit

/// Old addresses of articles (`redirects`), looked up when an address finds nothing else.
public struct RedirectStore: Sendable {
    private let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Sends `path` to article `articleID` from now on, replacing where it sent before.
    public func add(path: String, articleID: Int64, now: Date) async throws {
        try await database.write { db in
            try await Self.add(path: path, articleID: articleID, now: now, in: db)
        }
    }

    static func add(path: String, articleID: Int64, now: Date, in db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO redirects (path, article_id, created_at)
            VALUES (\(bind: Redirect.key(forPath: path)), \(bind: articleID), \(bind: now.storedSeconds))
            ON CONFLICT (path) DO UPDATE SET article_id = excluded.article_id, created_at = excluded.created_at
            """
        ).run()
    }

    /// The published article an old address leads to; nil when there is none, or it is not public now.
    public func target(forPath path: String, now: Date) async throws -> ArticleSummary? {
        try await database.read { db in
            try await db.raw(
                ArticleQueries.summarySelect + " JOIN redirects r ON r.article_id = a.id"
                    + " WHERE r.path = \(bind: Redirect.key(forPath: path)) AND " + ArticleQueries.visible(now: now)
            ).first().map(ArticleQueries.summary)
        }
    }

    /// Every old address of an article, oldest first.
    public func paths(of articleID: Int64) async throws -> [String] {
        try await database.read { db in
            try await db.raw(
                "SELECT path FROM redirects WHERE article_id = \(bind: articleID) ORDER BY created_at, path"
            ).all().map { try $0.string("path") }
        }
    }
}
