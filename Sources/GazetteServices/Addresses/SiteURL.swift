import Foundation
import GazetteContent

/// Builds every link the site prints: relative paths for pages, absolute ones where a link leaves the page
/// (canonical links, feeds, shares).
public struct SiteURL: Sendable {
    /// `https://news.example.com`, without a trailing slash.
    public let base: String

    public init(base: String) {
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
    }

    public func path(_ route: SiteRoute) -> String { route.path }

    public func absolute(_ route: SiteRoute) -> String { base + route.path }

    public func absolute(path: String) -> String { base + path }

    public func article(_ summary: ArticleSummary) -> String {
        path(.article(day: summary.day, slug: summary.slug))
    }

    public func author(_ slug: Slug) -> String { path(.archive(.author(slug), page: 1)) }
    public func tag(_ slug: Slug) -> String { path(.archive(.tag(slug), page: 1)) }
    public func category(_ slug: Slug) -> String { path(.archive(.category(slug), page: 1)) }
    public func source(_ slug: Slug) -> String { path(.archive(.source(slug), page: 1)) }

    public static let home = "/"
    public static let healthCheck = "/healthz"
    public static let metrics = "/metrics"
    public static let commentsEndpoint = "/comments"
    public static let assetsPrefix = "/assets/"
    public static let mediaPrefix = "/media/"
    public static let search = "/search"
    /// Shared previews of articles not out yet: the rest of the address is a signed token (kept out of logs).
    public static let previewPrefix = "/preview/"
    public static func preview(token: String) -> String { previewPrefix + token }
    /// Where readers subscribe by email (the form on every page posts here).
    public static let subscribe = "/subscribe"
    /// A reader's subscriptions: the rest of the address is their signed token (kept out of logs).
    public static let subscriptionsPrefix = "/subscriptions/"
    public static func subscriptions(token: String) -> String { subscriptionsPrefix + token }
    public static func confirmSubscription(token: String) -> String { subscriptionsPrefix + token + "/confirm" }
    /// One-click unsubscribe (RFC 8058) from a topic, every newsletter, or everything.
    public static func unsubscribe(token: String, _ scope: UnsubscribeScope) -> String {
        subscriptionsPrefix + token + "/unsubscribe" + (scope.queryValue.map { "?topic=" + $0 } ?? "")
    }
    /// The root of the WordPress-compatible reading API (`/wp-json/`), which WordPress clients discover.
    public static let wordPressAPIRoot = "/wp-json"
    /// WordPress's `wp/v2` namespace under the API root: posts, pages, terms, users and comments.
    public static let wordPressAPIPrefix = wordPressAPIRoot + "/wp/v2"
    /// An uploaded file's address, relative to the site so it survives a change of domain.
    public static func media(_ path: String) -> String { mediaPrefix + path }
}
