import Foundation
import GazetteContent
import SQLKit

/// The Admin API's tokens, kept as digests.
public struct APITokenStore: Sendable {
    private let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Stores a new token's digest; returns its id.
    public func create(
        name: String, authorID: Int64, digest: String, hint: String, scopes: [APIScope], now: Date, createdBy: Int64?
    ) async throws -> Int64 {
        try await database.write { db in
            try await db.raw(
                """
                INSERT INTO api_tokens (name, author_id, digest, hint, scopes, created_at, created_by)
                VALUES (\(bind: name), \(bind: authorID), \(bind: digest), \(bind: hint),
                    \(bind: scopes.map(\.rawValue).joined(separator: " ")), \(bind: now.storedSeconds), \(bind: createdBy))
                RETURNING id
                """
            ).first()!.int64("id")
        }
    }

    /// The token with this digest, revoked or not.
    public func find(digest: String) async throws -> APIToken? {
        try await database.read { db in
            try await db.raw(Self.select + " WHERE t.digest = \(bind: digest)").first().map(Self.token)
        }
    }

    public func find(id: Int64) async throws -> APIToken? {
        try await database.read { db in
            try await db.raw(Self.select + " WHERE t.id = \(bind: id)").first().map(Self.token)
        }
    }

    /// Every token, newest first; only `authorID`'s when given.
    public func list(authorID: Int64? = nil) async throws -> [APIToken] {
        let mine: SQLQueryString = authorID.map { " WHERE t.author_id = \(bind: $0)" } ?? ""
        return try await database.read { db in
            try await db.raw(Self.select + mine + " ORDER BY t.id DESC LIMIT 1000").all().map(Self.token)
        }
    }

    /// Marks a token revoked; false when it was already, or does not exist.
    public func revoke(id: Int64, now: Date) async throws -> Bool {
        try await database.write { db in
            try await db.raw(
                """
                UPDATE api_tokens SET revoked_at = \(bind: now.storedSeconds)
                WHERE id = \(bind: id) AND revoked_at IS NULL RETURNING id
                """
            ).first() != nil
        }
    }

    public func touch(id: Int64, now: Date) async throws {
        try await database.write { db in
            try await db.raw("UPDATE api_tokens SET last_used_at = \(bind: now.storedSeconds) WHERE id = \(bind: id)")
                .run()
        }
    }

    private static let select: SQLQueryString = SQLQueryString(
        "SELECT t.id, t.name, t.author_id, au.name AS author_name, t.scopes, t.hint, t.created_at, t.last_used_at,"
            + " t.revoked_at FROM api_tokens t JOIN authors au ON au.id = t.author_id")

    private static func token(_ row: any SQLRow) throws -> APIToken {
        APIToken(
            id: try row.int64("id"), name: try row.string("name"), authorID: try row.int64("author_id"),
            authorName: try row.string("author_name"),
            scopes: try row.string("scopes").split(separator: " ").compactMap { APIScope(rawValue: String($0)) },
            hint: try row.string("hint"), createdAt: try row.date("created_at"),
            lastUsedAt: try row.optionalDate("last_used_at"), revokedAt: try row.optionalDate("revoked_at"))
    }
}
