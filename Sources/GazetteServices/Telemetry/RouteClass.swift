/// The kind of address a request was for, as metrics group them: a handful of values, whatever the path, so
/// the number of series stays small and no reader's search or article name becomes a label.
package enum RouteClass: String, Sendable, CaseIterable {
    case front, article, archive, feed, sitemap, search, comment, media, asset, health, metrics, newsroom, other

    package static func of(path: String, method: String) -> RouteClass {
        if path == "/" { return .front }
        if AdminURL.isNewsroom(path) { return .newsroom }
        if path.hasPrefix("/media/") { return .media }
        if path.hasPrefix("/assets/") || path == "/favicon.ico" || path == "/robots.txt" { return .asset }
        if path == "/healthz" { return .health }
        if path == "/metrics" { return .metrics }
        if path.hasPrefix("/search") { return .search }
        if path.contains("sitemap") && path.hasSuffix(".xml") { return .sitemap }
        if path.hasSuffix("/feed/") || path == "/feed/" || path.hasSuffix("/feed") { return .feed }
        if path == "/comments" || path.hasPrefix("/comments/") { return .comment }
        if ["/tag/", "/category/", "/author/", "/source/", "/page/"].contains(where: path.hasPrefix) {
            return .archive
        }
        // /2026/11/28/slug/ is an article; /2026/, /2026/11/ and /2026/11/28/ are day, month and year archives.
        let segments = path.split(separator: "/")
        if let first = segments.first, first.count == 4, first.allSatisfy(\.isNumber) {
            return segments.count >= 4 ? .article : .archive
        }
        return .other
    }

    /// 200, 304, 404… as they are, everything else by its hundred ("5xx"), to bound the series.
    package static func status(_ code: Int) -> String {
        [200, 201, 204, 301, 302, 303, 304, 400, 401, 403, 404, 409, 413, 422, 429, 500, 503].contains(code)
            ? String(code) : "\(code / 100)xx"
    }
}
