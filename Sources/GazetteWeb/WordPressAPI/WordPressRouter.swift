import Foundation
import GazetteContent
import GazetteServices
import HTTPTypes
import Hummingbird

/// WordPress's REST API for reading, under `/wp-json/wp/v2/`, so WordPress readers, apps and static-site
/// builders keep working after a move: published posts and pages, categories, tags, the people who have
/// published, and approved comments. Public and read-only; answers go through the page cache like pages.
package struct WordPressRouter: Sendable {
    static let namespace = "wp/v2"

    private let catalog: PublicCatalog
    private let clock: Clock
    private let site: LiveSiteSettings
    private let urls: SiteURL

    package init(catalog: PublicCatalog, urls: SiteURL, site: LiveSiteSettings, clock: Clock) {
        self.catalog = catalog
        self.urls = urls
        self.site = site
        self.clock = clock
    }

    /// The parameters the API documents: a request with only these is answered from the page cache, keyed by
    /// its query string; any other parameter passes the cache by (WordPress ignores it, and so would we, but
    /// made-up parameters must not crowd real answers out of the cache).
    package static let cachedParameters: Set<String> = [
        "page", "per_page", "search", "categories", "categories[]", "tags", "tags[]", "author", "author[]", "slug",
        "slug[]", "include", "include[]", "exclude", "exclude[]", "orderby", "order", "post", "post[]", "parent",
        "parent[]", "hide_empty", "status", "context", "_embed", "_fields",
    ]

    /// The routes `/wp-json/` lists, as WordPress writes them (relative to `/wp-json`).
    static let documentedRoutes: [String] = {
        var routes = ["/", "/wp/v2"]
        for collection in ["posts", "pages", "categories", "tags", "users", "comments"] {
            routes += ["/wp/v2/" + collection, "/wp/v2/" + collection + "/(?P<id>[\\d]+)"]
        }
        return routes + ["/wp/v2/media/(?P<id>[\\d]+)"]
    }()

    package func register(on router: Router<GazetteRequestContext>) {
        let urls = urls
        let site = site
        let context: @Sendable () -> WPContext = { WPContext(urls: urls, timeZone: site.current.timeZone) }
        let posts = PostsHandler(catalog: catalog, kind: .article, context: context)
        let pages = PostsHandler(catalog: catalog, kind: .page, context: context)
        let categories = TermsHandler(catalog: catalog, kind: .categories, context: context)
        let tags = TermsHandler(catalog: catalog, kind: .tags, context: context)
        let users = UsersHandler(catalog: catalog, context: context)
        let comments = CommentsHandler(catalog: catalog, context: context)

        let clock = clock
        let index: @Sendable (Request) async throws -> Response = { request in
            let shape = try WPShape(WPParameters(request))
            return try WPAnswer.one(WPIndex(site: site.current, in: context(), now: clock.now()), shape: shape)
        }
        get(SiteURL.wordPressAPIRoot, on: router, index)
        get(SiteURL.wordPressAPIPrefix, on: router, index)
        collection("posts", on: router, list: posts.list, one: posts.one)
        collection("pages", on: router, list: pages.list, one: pages.one)
        collection("categories", on: router, list: categories.list, one: categories.one)
        collection("tags", on: router, list: tags.list, one: tags.one)
        collection("users", on: router, list: users.list, one: users.one)
        collection("comments", on: router, list: comments.list, one: comments.one)
        item(SiteURL.wordPressAPIPrefix + "/media", on: router, posts.media)
        // Anything else under /wp-json answers as WordPress does, never with the site's HTML 404 page (the
        // router does not fall back from here to the site's catch-all).
        for method in [HTTPRequest.Method.get, .post, .put, .patch, .delete] {
            router.on(RouterPath(SiteURL.wordPressAPIRoot + "/**"), method: method) { _, _ in WPError.noRoute.response }
        }
    }

    private func collection(
        _ name: String, on router: Router<GazetteRequestContext>,
        list: @escaping @Sendable (Request) async throws -> Response,
        one: @escaping @Sendable (Request, String) async throws -> Response
    ) {
        let path = SiteURL.wordPressAPIPrefix + "/" + name
        get(path, on: router, list)
        item(path, on: router, one)
    }

    /// `{path}/{id}`: digits only, as WordPress's route pattern; anything else is no route at all.
    private func item(
        _ path: String, on router: Router<GazetteRequestContext>,
        _ one: @escaping @Sendable (Request, String) async throws -> Response
    ) {
        get(path + "/:id", on: router) { request in
            // Hummingbird hands the parameter over already matched; the context is not Sendable across here.
            let id = request.uri.path.split(separator: "/").last.map(String.init) ?? ""
            guard !id.isEmpty, id.count <= 18, id.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw WPError.noRoute
            }
            return try await one(request, id)
        }
    }

    /// A GET (and so HEAD) route whose WordPress errors become WordPress's error answers.
    private func get(
        _ path: String, on router: Router<GazetteRequestContext>,
        _ handler: @escaping @Sendable (Request) async throws -> Response
    ) {
        router.get(RouterPath(path)) { request, _ in
            do {
                return try await handler(request)
            } catch let error as WPError {
                return error.response
            }
        }
        // Writing is not part of this API: other methods answer as an unknown route, as in WordPress.
        for method in [HTTPRequest.Method.post, .put, .patch, .delete] {
            router.on(RouterPath(path), method: method) { _, _ in WPError.noRoute.response }
        }
    }
}
