import Foundation
import GazetteContent
import SQLKit

/// Writes what an import brings from another platform, a batch per transaction.
///
/// Every item is stored under a key of the platform it came from (`import_keys`, or the comment's
/// fingerprint), so a second run of the same import finds it and adds nothing; a run that stopped half
/// way is finished by running it again, and no batch is ever half written.
public struct ImportStore: Sendable {
    private let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Runs `work` in one write transaction: everything it wrote is committed, or nothing.
    public func batch<T: Sendable>(
        now: Date, timeZone: TimeZone, _ work: @escaping @Sendable (ImportBatch) async throws -> T
    ) async throws -> T {
        let dialect = database.dialect
        return try await database.write { db in
            try await work(ImportBatch(db: db, dialect: dialect, now: now, timeZone: timeZone))
        }
    }
}

/// A person as another platform knows them.
public struct ImportedAuthor: Sendable, Equatable {
    /// The platform's own id for the person, unique within the import ("https://old.example|jane").
    public var key: String
    public var name: String
    /// Lower-cased; someone already on the site with this email is taken as the same person.
    public var email: String
    public var slug: String

    public init(key: String, name: String, email: String, slug: String) {
        self.key = key
        self.name = name
        self.email = email
        self.slug = slug
    }
}

/// A reader's comment as another platform stored it, its parent named by key.
public struct ImportedComment: Sendable, Equatable {
    public var key: String
    public var parentKey: String?
    public var authorName: String
    public var authorEmail: String
    public var authorURL: String
    public var authorIP: String
    public var body: String
    public var status: ModerationStatus
    public var createdAt: Date

    public init(
        key: String, parentKey: String?, authorName: String, authorEmail: String, authorURL: String,
        authorIP: String, body: String, status: ModerationStatus, createdAt: Date
    ) {
        self.key = key
        self.parentKey = parentKey
        self.authorName = authorName
        self.authorEmail = authorEmail
        self.authorURL = authorURL
        self.authorIP = authorIP
        self.body = body
        self.status = status
        self.createdAt = createdAt
    }

    /// The fingerprint an imported comment is stored under: its key, so a second run finds it.
    var fingerprint: String { Self.fingerprint(key: key) }

    static func fingerprint(key: String) -> String { "import|" + key }
}

/// The writes of one import transaction.
public struct ImportBatch: Sendable {
    let db: any SQLDatabase
    let dialect: Dialect
    let now: Date
    let timeZone: TimeZone

    /// The site's id for what was imported under `key` of `kind` ("post", "author"), if anything was.
    public func localID(kind: String, key: String) async throws -> Int64? {
        try await db.raw(
            "SELECT local_id FROM import_keys WHERE kind = \(bind: kind) AND source_key = \(bind: key)"
        ).first()?.int64("local_id")
    }

    private func remember(kind: String, key: String, localID: Int64) async throws {
        try await db.raw(
            """
            INSERT INTO import_keys (kind, source_key, local_id, imported_at)
            VALUES (\(bind: kind), \(bind: key), \(bind: localID), \(bind: now.storedSeconds))
            """
        ).run()
    }

    /// The author for this person: the one imported before, else someone with the same email, else a new
    /// author without a password. `created` tells which.
    public func author(_ person: ImportedAuthor) async throws -> (author: Author, created: Bool) {
        if let id = try await localID(kind: "author", key: person.key),
            let known = try await db.raw("SELECT * FROM authors WHERE id = \(bind: id)").first()
        {
            return (try AuthorStore.author(known), false)
        }
        if let same = try await db.raw("SELECT * FROM authors WHERE email = \(bind: person.email)").first() {
            let author = try AuthorStore.author(same)
            try await remember(kind: "author", key: person.key, localID: author.id)
            return (author, false)
        }
        let author = try await AuthorStore.insert(
            NewAuthor(name: person.name, email: person.email, role: .author, slug: person.slug), now: now, in: db)
        try await remember(kind: "author", key: person.key, localID: author.id)
        return (author, true)
    }

    /// The category with this slug, created when missing, under `parentID` when it has no parent yet.
    public func category(_ term: NamedTerm, parentID: Int64?) async throws -> Int64 {
        try await TermStore.ensureCategory(term, parentID: parentID, db: db)
    }

    /// The tag with this slug, created when missing.
    public func tag(_ term: NamedTerm) async throws -> Int64 {
        try await TermStore.ensure(term, in: .tags, db: db)
    }

    /// Stores a new article for `key`, with its tags, category and first revision; nil when an earlier run
    /// already imported it (that article is left as it is: it may have been edited since). Call
    /// `indexForSearch` with the new articles before the batch ends.
    public func article(_ article: ValidArticle, key: String) async throws -> ArticleStore.Saved? {
        guard try await localID(kind: "post", key: key) == nil else { return nil }
        let saved = try await ArticleWriter(
            db: db, article: article, now: now, timeZone: timeZone, note: "Imported", dialect: dialect,
            indexesSearch: false
        )
        .save(replacing: nil)
        try await remember(kind: "post", key: key, localID: saved.id)
        return saved
    }

    /// Adds the articles to the search index, in one statement for the whole batch.
    public func indexForSearch(ids: [Int64]) async throws {
        try await SearchIndex.refresh(ids: ids, dialect: dialect, in: db)
    }

    /// Sends an old address to the article from now on.
    public func redirect(path: String, articleID: Int64) async throws {
        try await RedirectStore.add(path: path, articleID: articleID, now: now, in: db)
    }
}
