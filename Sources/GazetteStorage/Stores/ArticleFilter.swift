import Foundation
import SQLKit

/// Which published articles a list shows: everything, or one archive's worth.
public enum ArticleFilter: Sendable, Equatable {
    case all
    case tag(id: Int64)
    case category(id: Int64)
    case author(id: Int64)
    case source(id: Int64)
    case period(start: Date, end: Date)

    /// The extra condition on `articles a`, starting with AND, or nothing.
    var condition: SQLQueryString {
        switch self {
        case .all:
            ""
        case .tag(let id):
            " AND EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag_id = \(bind: id))"
        case .category(let id):
            " AND a.category_id = \(bind: id)"
        case .author(let id):
            " AND a.author_id = \(bind: id)"
        case .source(let id):
            " AND a.source_id = \(bind: id)"
        case .period(let start, let end):
            " AND a.published_at >= \(bind: start.storedSeconds) AND a.published_at < \(bind: end.storedSeconds)"
        }
    }
}
