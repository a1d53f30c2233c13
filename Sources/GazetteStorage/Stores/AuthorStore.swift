import Foundation
import GazetteContent
import SQLKit

/// The people who write for the site.
public struct AuthorStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Adds an author; a taken email or slug is a conflict with a message that says which.
    public func create(_ author: NewAuthor, now: Date) async throws -> Author {
        try await database.write { db in try await Self.insert(author, now: now, in: db) }
    }

    /// The insert of `create`, inside the caller's transaction; a taken slug is numbered ("jane-2").
    static func insert(_ author: NewAuthor, now: Date, in db: any SQLDatabase) async throws -> Author {
        let slug = Slug(trusted: author.slug ?? author.name)
        if try await db.raw("SELECT id FROM authors WHERE email = \(bind: author.email)").first() != nil {
            throw StorageError.conflict("An author with the email \(author.email) already exists.")
        }
        var candidate = slug
        var number = 1
        while try await db.raw("SELECT id FROM authors WHERE slug = \(bind: candidate.value)").first() != nil {
            number += 1
            candidate = slug.numbered(number)
        }
        let row = try await db.raw(
            """
            INSERT INTO authors (name, slug, email, bio, role, created_at)
            VALUES (\(bind: author.name), \(bind: candidate.value), \(bind: author.email), \(bind: author.bio),
                    \(bind: author.role.rawValue), \(bind: now.storedSeconds))
            RETURNING id
            """
        ).first()
        guard let id = try row?.int64("id") else { throw StorageError.unavailable("The new author got no id.") }
        return Author(
            id: id, name: author.name, slug: candidate, bio: author.bio, email: author.email, role: author.role)
    }

    /// Replaces a person's public profile and email; a taken email or slug is a conflict saying which.
    public func updateProfile(id: Int64, _ profile: AuthorProfile) async throws {
        let dialect = database.dialect
        try await database.write { db in try await Self.writeProfile(id: id, profile, dialect: dialect, in: db) }
    }

    /// Also re-indexes the person's articles, which the search finds by author name.
    static func writeProfile(
        id: Int64, _ profile: AuthorProfile, dialect: Dialect, in db: any SQLDatabase
    ) async throws {
        if try await db.raw(
            "SELECT id FROM authors WHERE email = \(bind: profile.email) AND id <> \(bind: id)"
        ).first() != nil {
            throw StorageError.conflict("Someone else already uses the email \(profile.email).")
        }
        if try await db.raw(
            "SELECT id FROM authors WHERE slug = \(bind: profile.slug.value) AND id <> \(bind: id)"
        ).first() != nil {
            throw StorageError.conflict("The address /author/\(profile.slug.value)/ belongs to someone else.")
        }
        try await db.raw(
            """
            UPDATE authors SET name = \(bind: profile.name), slug = \(bind: profile.slug.value),
                bio = \(bind: profile.bio), avatar_url = \(bind: profile.avatarURL), email = \(bind: profile.email)
            WHERE id = \(bind: id)
            """
        ).run()
        let articles = try await db.raw("SELECT id FROM articles WHERE author_id = \(bind: id)").all().map {
            try $0.int64("id")
        }
        try await SearchIndex.refresh(ids: articles, dialect: dialect, in: db)
    }

    public func find(id: Int64) async throws -> Author? {
        try await one("SELECT * FROM authors WHERE id = \(bind: id)")
    }

    public func find(slug: Slug) async throws -> Author? {
        try await one("SELECT * FROM authors WHERE slug = \(bind: slug.value)")
    }

    public func find(email: String) async throws -> Author? {
        try await one("SELECT * FROM authors WHERE email = \(bind: email.lowercased())")
    }

    /// Matches a byline as written in a front-matter file: the name, the slug or the email.
    public func find(matching text: String) async throws -> Author? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let byEmail = try await find(email: trimmed) { return byEmail }
        if let slug = Slug(from: trimmed), let bySlug = try await find(slug: slug) { return bySlug }
        return try await one("SELECT * FROM authors WHERE name = \(bind: trimmed) ORDER BY id LIMIT 1")
    }

    public func all() async throws -> [Author] {
        try await database.read { db in
            try await db.raw("SELECT * FROM authors ORDER BY name, id").all().map(Self.author)
        }
    }

    public func count() async throws -> Int {
        try await database.read { db in
            Int(try await db.raw("SELECT COUNT(*) AS n FROM authors").first()?.int64("n") ?? 0)
        }
    }

    private func one(_ query: SQLQueryString) async throws -> Author? {
        try await database.read { db in
            try await db.raw(query).first().map(Self.author)
        }
    }

    static func author(_ row: any SQLRow) throws -> Author {
        Author(
            id: try row.int64("id"), name: try row.string("name"), slug: try row.slug("slug"),
            bio: try row.string("bio"), email: try row.string("email"),
            role: Role(rawValue: try row.string("role")) ?? .author, avatarURL: try row.string("avatar_url"))
    }
}
