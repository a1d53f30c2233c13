import Foundation
import GazetteContent
import SQLKit

extension TermStore {
    /// Up to `limit` terms of `kind` that file at least one published article, by slug, after `slug`.
    public func withArticles(_ kind: TermKind, after slug: String?, limit: Int, now: Date) async throws -> [TermCount] {
        let join: SQLQueryString =
            switch kind {
            case .tags:
                " FROM tags g JOIN article_tags t ON t.tag_id = g.id JOIN articles a ON a.id = t.article_id"
            case .categories: " FROM categories g JOIN articles a ON a.category_id = g.id"
            case .sources: " FROM sources g JOIN articles a ON a.source_id = g.id"
            }
        let home = kind == .sources ? "g.url" : "''"
        let after: SQLQueryString = slug.map { " AND g.slug > \(bind: $0)" } ?? ""
        return try await database.read { db in
            try await db.raw(
                "SELECT g.id, g.name, g.slug, \(unsafeRaw: home) AS home, COUNT(*) AS n" + join + " WHERE "
                    + ArticleQueries.listed(now: now) + after
                    + " GROUP BY g.id, g.name, g.slug\(unsafeRaw: kind == .sources ? ", g.url" : "")"
                    + " ORDER BY g.slug LIMIT \(literal: limit)"
            ).all().map { row in
                TermCount(
                    id: try row.int64("id"), name: try row.string("name"), slug: try row.slug("slug"),
                    home: try row.string("home"), articleCount: Int(try row.int64("n")))
            }
        }
    }
}

extension AuthorStore {
    /// Up to `limit` people with at least one published article, by slug, after `slug`: their public
    /// side only (name, slug, bio, portrait), never an email or a role.
    public func withArticles(after slug: String?, limit: Int, now: Date) async throws -> [PublicAuthor] {
        let after: SQLQueryString = slug.map { " AND au.slug > \(bind: $0)" } ?? ""
        return try await database.read { db in
            try await db.raw(
                "SELECT au.id, au.name, au.slug, au.bio, au.avatar_url FROM authors au WHERE EXISTS ("
                    + "SELECT 1 FROM articles a WHERE a.author_id = au.id AND " + ArticleQueries.listed(now: now)
                    + ")" + after + " ORDER BY au.slug LIMIT \(literal: limit)"
            ).all().map { row in
                PublicAuthor(
                    id: try row.int64("id"), name: try row.string("name"), slug: try row.slug("slug"),
                    bio: try row.string("bio"), avatarURL: try row.string("avatar_url"))
            }
        }
    }
}
