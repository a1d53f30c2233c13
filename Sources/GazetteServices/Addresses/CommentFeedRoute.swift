import Foundation
import GazetteContent

/// Comment feeds: `/comments/feed/` for the whole site and `{article}/feed/` for one article (RSS 2.0, as
/// WordPress publishes them).
package enum CommentFeedRoute: Sendable, Equatable {
    case site
    case article(day: PublicationDay, slug: Slug)

    package var path: String {
        switch self {
        case .site: "/comments/feed/"
        case .article(let day, let slug): SiteRoute.article(day: day, slug: slug).path + "feed/"
        }
    }

    package init?(path: String) {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if segments == ["comments", "feed"] {
            self = .site
            return
        }
        guard segments.count == 5, segments[4] == "feed",
            case .article(let day, let slug)? = SiteRoute(path: "/" + segments.prefix(4).joined(separator: "/") + "/")
        else { return nil }
        self = .article(day: day, slug: slug)
    }
}
