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
                " AND (created_at > \(bind: $0.time) OR (created_at = \(bind: $0.time) AND id > \(bind: $0.id)))"
            } ?? ""
        return try await database.read { db in
            try await db.raw(
                """
                SELECT id, parent_id, depth, author_name, author_url, body, created_at, staff_author_id
                FROM comments WHERE article_id = \(bind: articleID) AND status = 'approved'
                """ + after + " ORDER BY created_at, id LIMIT \(literal: limit)"
            ).all().map { row in
                ApprovedComment(
                    id: try row.int64("id"), parentID: try row.optionalInt64("parent_id"),
                    depth: Int(try row.int64("depth")), authorName: try row.string("author_name"),
                    authorURL: try row.string("author_url"), body: try row.string("body"),
                    createdAt: try row.date("created_at"), isStaff: try row.optionalInt64("staff_author_id") != nil)
            }
        }
    }
}
