import Foundation
import GazetteContent
import GazetteServices
import GazetteStorage
import Hummingbird

/// `wp/v2/posts` and `wp/v2/pages`: published articles of one kind, as a list or by id.
struct PostsHandler: Sendable {
    let catalog: PublicCatalog
    let kind: ArticleKind
    let context: @Sendable () -> WPContext

    private var collection: String { kind == .page ? "pages" : "posts" }

    /// WordPress's `orderby` values for posts; those Gazette has no column for give the newest first.
    private static let orders: [String: ListingOrder] = [
        "date": .date, "id": .id, "modified": .modified, "slug": .slug, "title": .title, "author": .date,
        "include": .date, "include_slugs": .date, "parent": .date, "relevance": .date, "menu_order": .date,
    ]

    func list(_ request: Request) async throws -> Response {
        var list = try WPListRequest(request, orders: Self.orders, defaultOrderBy: "date", defaultAscending: false)
        list.query.kind = kind
        list.query.authorIDs = try list.parameters.ids("author")
        if kind == .article {
            list.query.categoryIDs = try list.parameters.ids("categories")
            list.query.tagIDs = try list.parameters.ids("tags")
        }
        // Only published articles are public; WordPress refuses other statuses to readers the same way.
        for status in try list.parameters.list("status") where status != "publish" {
            throw WPError.invalidParameter("status", "Only published posts can be read here (status=publish).")
        }
        let page = try await catalog.articles(list.query, page: try list.pageRequest)
        try list.check(page)
        let context = context()
        let posts = try await WPEmbedder(catalog: catalog).posts(
            page.items, kind: kind, shape: list.shape, in: context)
        return try WPAnswer.list(
            posts, page: page, request: request, base: context.addresses.collection(collection), shape: list.shape)
    }

    func one(_ request: Request, id: String) async throws -> Response {
        let shape = try WPShape(WPParameters(request))
        guard let id = Int64(id), let article = try await catalog.article(id: id, kind: kind) else {
            throw WPError.Missing.post.error
        }
        let posts = try await WPEmbedder(catalog: catalog).posts([article], kind: kind, shape: shape, in: context())
        return try WPAnswer.one(posts[0], shape: shape)
    }

    /// `wp/v2/media/{id}`: an article's featured picture, as its `featured_media` names it.
    func media(_ request: Request, id: String) async throws -> Response {
        let shape = try WPShape(WPParameters(request))
        guard let id = Int64(id) else { throw WPError.Missing.media.error }
        var article = try await catalog.article(id: id, kind: .article)
        if article == nil { article = try await catalog.article(id: id, kind: .page) }
        guard let article, let media = WPMedia(article, in: context()) else { throw WPError.Missing.media.error }
        return try WPAnswer.one(media, shape: shape)
    }
}
