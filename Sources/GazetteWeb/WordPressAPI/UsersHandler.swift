import Foundation
import GazetteContent
import GazetteServices
import GazetteStorage
import Hummingbird

/// `wp/v2/users`: the people who have published something, in public fields only, as WordPress shows them
/// to readers who are not signed in.
struct UsersHandler: Sendable {
    let catalog: PublicCatalog
    let context: @Sendable () -> WPContext

    private static let orders: [String: ListingOrder] = [
        "name": .name, "id": .id, "slug": .slug, "include": .name, "include_slugs": .name, "registered_date": .id,
        "email": .name, "url": .name,
    ]

    func list(_ request: Request) async throws -> Response {
        let list = try WPListRequest(request, orders: Self.orders, defaultOrderBy: "name", defaultAscending: true)
        let page = try await catalog.authors(list.query, page: try list.pageRequest)
        try list.check(page)
        let context = context()
        let users = page.items.map { WPUser($0, in: context) }
        return try WPAnswer.list(
            users, page: page, request: request, base: context.addresses.collection("users"), shape: list.shape)
    }

    func one(_ request: Request, id: String) async throws -> Response {
        let shape = try WPShape(WPParameters(request))
        guard let id = Int64(id), let author = try await catalog.author(id: id) else {
            throw WPError.Missing.user.error
        }
        return try WPAnswer.one(WPUser(author, in: context()), shape: shape)
    }
}
