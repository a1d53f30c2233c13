import Foundation
import GazetteContent
import SQLKit

/// Tags, categories and sources: the names articles are filed under, each with an archive.
public struct TermStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func tag(slug: Slug) async throws -> Tag? {
        try await database.read { db in
            try await db.raw("SELECT id, name, slug FROM tags WHERE slug = \(bind: slug.value)").first().map {
                Tag(id: try $0.int64("id"), name: try $0.string("name"), slug: try $0.slug("slug"))
            }
        }
    }

    public func category(slug: Slug) async throws -> GazetteContent.Category? {
        try await database.read { db in
            try await db.raw("SELECT id, name, slug FROM categories WHERE slug = \(bind: slug.value)").first().map {
                Category(id: try $0.int64("id"), name: try $0.string("name"), slug: try $0.slug("slug"))
            }
        }
    }

    public func source(slug: Slug) async throws -> Source? {
        try await database.read { db in
            try await db.raw("SELECT id, name, slug, url FROM sources WHERE slug = \(bind: slug.value)").first().map {
                Source(
                    id: try $0.int64("id"), name: try $0.string("name"), slug: try $0.slug("slug"),
                    url: try $0.string("url"))
            }
        }
    }

    /// Every category's or source's name and slug, by name, for the newsroom's filters.
    public func names(of kind: TermKind) async throws -> [(name: String, slug: Slug)] {
        try await database.read { db in
            try await db.raw("SELECT name, slug FROM \(ident: kind.rawValue) ORDER BY name LIMIT 1000").all().map {
                (try $0.string("name"), try $0.slug("slug"))
            }
        }
    }

    public enum TermKind: String, Sendable {
        case tags, categories, sources
    }

    /// The id of the term with this slug in `table`, created with `name` when missing. Runs inside a write.
    static func ensure(
        _ term: NamedTerm, in table: TermTable, extraURL: String = "", db: any SQLDatabase
    ) async throws -> Int64 {
        let select: SQLQueryString = "SELECT id FROM \(ident: table.rawValue) WHERE slug = \(bind: term.slug.value)"
        if let existing = try await db.raw(select).first() { return try existing.int64("id") }
        let insert: SQLQueryString =
            switch table {
            case .sources:
                """
                INSERT INTO sources (name, slug, url) VALUES (\(bind: term.name), \(bind: term.slug.value), \(bind: extraURL))
                ON CONFLICT (slug) DO NOTHING RETURNING id
                """
            case .tags, .categories:
                """
                INSERT INTO \(ident: table.rawValue) (name, slug) VALUES (\(bind: term.name), \(bind: term.slug.value))
                ON CONFLICT (slug) DO NOTHING RETURNING id
                """
            }
        if let row = try await db.raw(insert).first() { return try row.int64("id") }
        // Someone else's transaction created it between the two statements (PostgreSQL): it is theirs now.
        guard let created = try await db.raw(select).first() else {
            throw StorageError.unavailable("The new \(table.rawValue) row got no id.")
        }
        return try created.int64("id")
    }

    /// The id of the category with this slug, created when missing; a category without a parent takes
    /// `parentID`, one that has a parent keeps it. Runs inside a write.
    static func ensureCategory(_ term: NamedTerm, parentID: Int64?, db: any SQLDatabase) async throws -> Int64 {
        let id = try await ensure(term, in: .categories, db: db)
        if let parentID, parentID != id {
            try await db.raw(
                """
                UPDATE categories SET parent_id = \(bind: parentID) WHERE id = \(bind: id) AND parent_id IS NULL
                """
            ).run()
        }
        return id
    }

    enum TermTable: String {
        case tags, categories, sources
    }
}
