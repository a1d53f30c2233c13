import Foundation

/// The documents search engines read: `/robots.txt`, the sitemap index `/sitemap.xml` and its children
/// (`/sitemap-articles-{n}.xml`, `/sitemap-archives.xml`, `/sitemap-authors.xml`), and the Google News
/// sitemap `/news-sitemap.xml`.
package enum DiscoveryRoute: Sendable, Equatable {
    case robots
    case sitemapIndex
    case articles(page: Int)
    case archives
    case authors
    case news

    package var path: String {
        switch self {
        case .robots: "/robots.txt"
        case .sitemapIndex: "/sitemap.xml"
        case .articles(let page): "/sitemap-articles-\(page).xml"
        case .archives: "/sitemap-archives.xml"
        case .authors: "/sitemap-authors.xml"
        case .news: "/news-sitemap.xml"
        }
    }

    package init?(path: String) {
        switch path {
        case "/robots.txt": self = .robots
        case "/sitemap.xml": self = .sitemapIndex
        case "/sitemap-archives.xml": self = .archives
        case "/sitemap-authors.xml": self = .authors
        case "/news-sitemap.xml": self = .news
        default:
            let prefix = "/sitemap-articles-"
            guard path.hasPrefix(prefix), path.hasSuffix(".xml") else { return nil }
            let number = path.dropFirst(prefix.count).dropLast(4)
            guard number.count <= 6, number.allSatisfy({ $0.isASCII && $0.isNumber }), let page = Int(number),
                page >= 1,
                String(page) == number
            else { return nil }
            self = .articles(page: page)
        }
    }
}
