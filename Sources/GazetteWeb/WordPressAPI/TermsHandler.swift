import Foundation
import GazetteContent
import GazetteServices
import GazetteStorage
import Hummingbird

/// `wp/v2/categories` and `wp/v2/tags`, by name as WordPress lists them, or by id.
struct TermsHandler: Sendable {
    let catalog: PublicCatalog
    let kind: TermStore.ListedKind
    let context: @Sendable () -> WPContext

    private var collection: String { kind == .tags ? "tags" : "categories" }

    private static let orders: [String: ListingOrder] = [
        "name": .name, "id": .id, "slug": .slug, "count": .count, "include": .name, "include_slugs": .name,
        "term_group": .name, "description": .name,
    ]

    func list(_ request: Request) async throws -> Response {
        var list = try WPListRequest(request, orders: Self.orders, defaultOrderBy: "name", defaultAscending: true)
        list.query.hideEmpty = try list.parameters.flag("hide_empty")
        list.query.articleIDs = try list.parameters.ids("post")
        if case .categories = kind, list.parameters.has("parent") {
            list.query.parentIDs = try list.parameters.ids("parent", allowZero: true)
        }
        let page = try await catalog.terms(kind, list.query, page: try list.pageRequest)
        try list.check(page)
        let context = context()
        let terms = page.items.map { WPTerm($0, kind: kind, in: context) }
        return try WPAnswer.list(
            terms, page: page, request: request, base: context.addresses.collection(collection), shape: list.shape)
    }

    func one(_ request: Request, id: String) async throws -> Response {
        let shape = try WPShape(WPParameters(request))
        guard let id = Int64(id), let term = try await catalog.term(kind, id: id) else {
            throw WPError.Missing.term.error
        }
        return try WPAnswer.one(WPTerm(term, kind: kind, in: context()), shape: shape)
    }
}
