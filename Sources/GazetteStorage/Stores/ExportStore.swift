import Foundation
import GazetteContent
import SQLKit

/// Reads everything a site holds, for `gazette export`: people, taxonomy, sources, and every article of
/// every status in pages, each whole with its comments and old addresses (a few queries a page).
public struct ExportStore: Sendable {
    private let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// An article as an export carries it.
    public struct Article: Sendable {
        public var details: ArticleDetails
        public var kind: ArticleKind
        public var createdAt: Date
        /// Every comment of every status, oldest first; parents always come before their replies.
        public var comments: [Comment]
        /// Old addresses that lead to it.
        public var redirects: [String]
    }

    /// A category with the id of the one it sits under.
    public struct CategoryEntry: Sendable, Equatable {
        public var category: GazetteContent.Category
        public var parentID: Int64?
    }

    /// Up to `limit` articles with ids above `id`, in id order.
    public func articles(after id: Int64, limit: Int) async throws -> [Article] {
        try await database.read { db in
            let rows = try await db.raw(
                ArticleQueries.detailSelect + " WHERE a.id > \(bind: id) ORDER BY a.id LIMIT \(literal: limit)"
            ).all()
            let whole = try await ArticleQueries.wholeArticles(rows, in: db)
            guard !whole.isEmpty else { return [] }
            let ids = whole.map(\.summary.id)
            var facts: [Int64: (ArticleKind, Date)] = [:]
            for row in try await db.raw("SELECT id, kind, created_at FROM articles WHERE id IN (\(binds: ids))").all() {
                facts[try row.int64("id")] = (
                    ArticleKind(rawValue: try row.string("kind")) ?? .article, try row.date("created_at")
                )
            }
            var comments: [Int64: [Comment]] = [:]
            for row in try await db.raw(
                "SELECT * FROM comments WHERE article_id IN (\(binds: ids)) ORDER BY article_id, depth, created_at, id"
            ).all() {
                let comment = try CommentStore.comment(row)
                comments[comment.articleID, default: []].append(comment)
            }
            var redirects: [Int64: [String]] = [:]
            for row in try await db.raw(
                "SELECT path, article_id FROM redirects WHERE article_id IN (\(binds: ids)) ORDER BY created_at, path"
            ).all() {
                redirects[try row.int64("article_id"), default: []].append(try row.string("path"))
            }
            return whole.map { details in
                let id = details.summary.id
                let (kind, createdAt) = facts[id] ?? (.article, details.summary.updatedAt)
                return Article(
                    details: details, kind: kind, createdAt: createdAt,
                    comments: Self.parentsFirst(comments[id] ?? []), redirects: redirects[id] ?? [])
            }
        }
    }

    /// Comments ordered by depth already put parents first; within that, oldest first by thread.
    private static func parentsFirst(_ comments: [Comment]) -> [Comment] {
        comments.sorted { ($0.depth, $0.createdAt, $0.id) < ($1.depth, $1.createdAt, $1.id) }
    }

    public func categories() async throws -> [CategoryEntry] {
        try await database.read { db in
            try await db.raw("SELECT id, name, slug, parent_id FROM categories ORDER BY id").all().map {
                CategoryEntry(
                    category: Category(id: try $0.int64("id"), name: try $0.string("name"), slug: try $0.slug("slug")),
                    parentID: try $0.optionalInt64("parent_id"))
            }
        }
    }

    public func tags() async throws -> [Tag] {
        try await database.read { db in
            try await db.raw("SELECT id, name, slug FROM tags ORDER BY id").all().map {
                Tag(id: try $0.int64("id"), name: try $0.string("name"), slug: try $0.slug("slug"))
            }
        }
    }

    public func sources() async throws -> [Source] {
        try await database.read { db in
            try await db.raw("SELECT id, name, slug, url FROM sources ORDER BY id").all().map {
                Source(
                    id: try $0.int64("id"), name: try $0.string("name"), slug: try $0.slug("slug"),
                    url: try $0.string("url"))
            }
        }
    }

    /// Everyone who writes for the site, without password hashes.
    public func people() async throws -> [Author] {
        try await database.read { db in
            try await db.raw("SELECT * FROM authors ORDER BY id").all().map(AuthorStore.author)
        }
    }

    public func articleCount() async throws -> Int {
        try await database.read { db in
            Int(try await db.raw("SELECT COUNT(*) AS n FROM articles").first()?.int64("n") ?? 0)
        }
    }
}
