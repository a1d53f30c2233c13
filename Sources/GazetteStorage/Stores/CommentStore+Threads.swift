import Foundation
import GazetteContent
import SQLKit

extension CommentStore {
    /// Up to `limit` approved comments of an article, oldest first, after the comment `position` names
    /// (its creation time and id). Only the public columns are read.
    public func approved(
        articleID: Int64, after position: ListPosition?, limit: Int
    ) async throws
        -> [ApprovedComment]
    {
        let after: SQLQueryString =
            position.map {
                " AND (c.created_at > \(bind: $0.time) OR (c.created_at = \(bind: $0.time) AND c.id > \(bind: $0.id)))"
            } ?? ""
        return try await database.read { db in
            try await db.raw(
                """
                SELECT c.id, c.parent_id, c.depth, c.author_name, c.author_url, c.body, c.created_at,
                    c.staff_author_id, a.publish_day, a.slug
                FROM comments c JOIN articles a ON a.id = c.article_id
                WHERE c.article_id = \(bind: articleID) AND c.status = 'approved'
                """ + after + " ORDER BY c.created_at, c.id LIMIT \(literal: limit)"
            ).all().map { row in
                ApprovedComment(
                    id: try row.int64("id"), articleID: articleID, parentID: try row.optionalInt64("parent_id"),
                    authorName: try row.string("author_name"), authorURL: try row.string("author_url"),
                    body: try row.string("body"), createdAt: try row.date("created_at"),
                    articleDay: PublicationDay(isoDate: try row.string("publish_day"))
                        ?? PublicationDay(year: 1970, month: 1, day: 1)!,
                    articleSlug: try row.slug("slug"), depth: Int(try row.int64("depth")),
                    isStaff: try row.optionalInt64("staff_author_id") != nil)
            }
        }
    }
}
