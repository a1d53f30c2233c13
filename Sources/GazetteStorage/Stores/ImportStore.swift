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

    /// Which of these keys an earlier run imported (read outside any batch, for work done before one).
    public func importedKeys(kind: String, among keys: [String]) async throws -> Set<String> {
        guard !keys.isEmpty else { return [] }
        return try await database.read { db in
            var found = Set<String>()
            for start in stride(from: 0, to: keys.count, by: 500) {
                let part = Array(keys[start..<min(start + 500, keys.count)])
                for row in try await db.raw(
                    "SELECT source_key FROM import_keys WHERE kind = \(bind: kind) AND source_key IN (\(binds: part))"
                ).all() {
                    found.insert(try row.string("source_key"))
                }
            }
            return found
        }
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

    /// What became of an imported article.
    public enum ImportedArticle: Sendable, Equatable {
        case created(ArticleStore.Saved)
        /// An earlier run (or an earlier item of this one) imported it; it is left as it is, since it may
        /// have been edited since.
        case existing(id: Int64)

        public var id: Int64 {
            switch self {
            case .created(let saved): saved.id
            case .existing(let id): id
            }
        }
    }

    /// Stores the articles not imported before, each under its key, with their tags, category, first
    /// revision and search entries, a few statements for the whole set.
    public func articles(_ items: [(article: ValidArticle, key: String)]) async throws -> [ImportedArticle] {
        var known: [String: Int64] = [:]
        let keys = Array(Set(items.map(\.key)))
        for start in stride(from: 0, to: keys.count, by: 500) {
            let part = Array(keys[start..<min(start + 500, keys.count)])
            for row in try await db.raw(
                "SELECT source_key, local_id FROM import_keys WHERE kind = 'post' AND source_key IN (\(binds: part))"
            ).all() {
                known[try row.string("source_key")] = try row.int64("local_id")
            }
        }
        var newIndexes: [Int] = []
        var firstOfKey: [String: Int] = [:]
        for (index, item) in items.enumerated() where known[item.key] == nil && firstOfKey[item.key] == nil {
            firstOfKey[item.key] = index
            newIndexes.append(index)
        }
        let saved = try await NewArticlesWriter(
            db: db, now: now, timeZone: timeZone, dialect: dialect, note: "Imported"
        )
        .save(newIndexes.map { items[$0].article })
        var created: [Int: ArticleStore.Saved] = [:]
        for (index, article) in zip(newIndexes, saved) {
            created[index] = article
            known[items[index].key] = article.id
        }
        if !saved.isEmpty {
            var insert: SQLQueryString = "INSERT INTO import_keys (kind, source_key, local_id, imported_at) VALUES "
            for (position, (index, article)) in zip(newIndexes, saved).enumerated() {
                insert =
                    insert + (position == 0 ? "" : ", ")
                    + "('post', \(bind: items[index].key), \(bind: article.id), \(bind: now.storedSeconds))"
            }
            try await db.raw(insert).run()
        }
        return items.enumerated().map { index, item in
            if let article = created[index] { return .created(article) }
            return .existing(id: known[item.key] ?? 0)
        }
    }

    /// Sends old addresses to articles from now on, in one statement; a path named twice goes to the
    /// last article that names it.
    public func redirects(_ paths: [(path: String, articleID: Int64)]) async throws {
        var byKey: [String: Int64] = [:]
        var order: [String] = []
        for (path, articleID) in paths {
            let key = Redirect.key(forPath: path)
            if byKey[key] == nil { order.append(key) }
            byKey[key] = articleID
        }
        for start in stride(from: 0, to: order.count, by: 500) {
            var insert: SQLQueryString = "INSERT INTO redirects (path, article_id, created_at) VALUES "
            for (position, key) in order[start..<min(start + 500, order.count)].enumerated() {
                insert =
                    insert + (position == 0 ? "" : ", ")
                    + "(\(bind: key), \(bind: byKey[key] ?? 0), \(bind: now.storedSeconds))"
            }
            try await db.raw(
                insert
                    + " ON CONFLICT (path) DO UPDATE SET article_id = excluded.article_id, created_at = excluded.created_at"
            ).run()
        }
    }

}
