import Foundation
import SQLKit

/// Which published articles a list shows: everything, or one archive's worth.
public enum ArticleFilter: Sendable, Equatable {
    case all
    case tag(id: Int64)
    case category(id: Int64)
    case author(id: Int64)
    case source(id: Int64)
    /// Publication days from `first` up to but not including `end`, as `YYYY-MM-DD`.
    case days(from: String, before: String)

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
        case .days(let first, let end):
            " AND a.publish_day >= \(bind: first) AND a.publish_day < \(bind: end)"
        }
    }
}
