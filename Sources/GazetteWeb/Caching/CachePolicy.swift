import Foundation
import GazetteServices
import HTTPTypes
import Hummingbird

/// Which requests the page cache may answer and which answers it may keep.
package enum CachePolicy {
    /// Cookies that make a page personal: the newsroom session, the reader's remembered details, and the
    /// reader's comments awaiting moderation.
    package static let personalCookies = [AdminSession.cookieName, CommenterCookie.name, PendingCommentsCookie.name]
    /// Address prefixes served otherwise: the newsroom, uploads and theme files (already immutable and in
    /// memory), the health check and metrics, shared previews and readers' subscription pages (never kept
    /// anywhere).
    package static let excludedPrefixes = [
        AdminURL.root, SiteURL.mediaPrefix, "/assets/", SiteURL.healthCheck, SiteURL.metrics, SiteURL.previewPrefix,
        SiteURL.subscriptionsPrefix, SiteURL.subscribe,
    ]
    /// Query parameters that select content on a cacheable page; any other query is passed through, so
    /// made-up query strings cannot crowd real pages out of the cache.
    package static let keptParameters: [String: Set<String>] = ["/search": ["q", "page"]]
    /// The Content API's parameters, on any of its addresses: its lists are pages like any other.
    package static let apiParameters: Set<String> = [
        "tag", "category", "author", "source", "type", "after", "before", "q", "limit", "cursor", "path",
    ]

    /// The query parameters kept for `path`: the reading API's documented ones under `/wp-json/`, where
    /// the whole query string is part of the key; nil where any query means "do not cache".
    package static func keptParameters(for path: String) -> Set<String>? {
        if path == SiteURL.wordPressAPIRoot || path.hasPrefix(SiteURL.wordPressAPIRoot + "/") {
            return WordPressRouter.cachedParameters
        }
        if path.hasPrefix(APIURL.prefix + "/") { return apiParameters }
        return keptParameters[path]
    }

    /// Cache-Control for pages: shared caches may keep them, but must ask again each time, so a change is
    /// seen at once; the ETag makes asking cheap.
    package static let pageCacheControl = "public, max-age=0, must-revalidate"

    /// The cache key for this request, or nil when the cache must not answer it.
    package static func key(for request: Request) -> String? {
        guard request.method == .get || request.method == .head else { return nil }
        let path = request.uri.path
        guard !excludedPrefixes.contains(where: { path.hasPrefix($0) }), path != SiteURL.commentsEndpoint else {
            return nil
        }
        if request.headers[.authorization] != nil { return nil }
        if let cookies = request.headers[.cookie], personalCookies.contains(where: { cookies.contains($0 + "=") }) {
            return nil
        }
        guard let query = request.uri.query, !query.isEmpty else { return path }
        guard let kept = keptParameters(for: path) else { return nil }
        let names = request.uri.queryParameters.map { String($0.key) }
        guard names.allSatisfy({ kept.contains($0) }) else { return nil }
        return path + "?" + query
    }

    /// A 200 that every reader could get: not marked private, setting no cookie.
    package static func mayStore(_ response: Response) -> Bool {
        guard response.status == .ok, response.headers[.setCookie] == nil else { return false }
        let control = response.headers[.cacheControl] ?? ""
        return !control.contains("private") && !control.contains("no-store")
    }

    package static func acceptsGzip(_ request: Request) -> Bool {
        guard let accepted = request.headers[.acceptEncoding] else { return false }
        if accepted == "gzip" { return true }
        return accepted.split(separator: ",").contains { part in
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.first?.lowercased() == "gzip" else { return false }
            return !fields.dropFirst().contains { $0.replacingOccurrences(of: " ", with: "") == "q=0" }
        }
    }

    package static func compressible(_ contentType: String) -> Bool {
        contentType.hasPrefix("text/") || contentType.contains("xml") || contentType.contains("json")
    }
}
