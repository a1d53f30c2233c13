import Foundation
import GazetteContent
import GazetteServices
import GazetteStorage
import Hummingbird

/// `wp/v2/comments`: approved comments on published articles, newest first as WordPress lists them. Each
/// answer carries the cache tags of the articles whose comments it shows, so a newly approved comment
/// reaches it as it reaches the article page.
struct CommentsHandler: Sendable {
    let catalog: PublicCatalog
    let context: @Sendable () -> WPContext

    private static let orders: [String: ListingOrder] = [
        "date": .date, "date_gmt": .date, "id": .id, "include": .date, "post": .date, "parent": .date,
        "type": .date,
    ]

    func list(_ request: Request) async throws -> Response {
        var list = try WPListRequest(request, orders: Self.orders, defaultOrderBy: "date_gmt", defaultAscending: false)
        list.query.articleIDs = try list.parameters.ids("post")
        if list.parameters.has("parent") {
            list.query.parentIDs = try list.parameters.ids("parent", allowZero: true)
        }
        for status in try list.parameters.list("status") where status != "approve" && status != "approved" {
            throw WPError.invalidParameter("status", "Only approved comments can be read here (status=approve).")
        }
        let page = try await catalog.comments(list.query, page: try list.pageRequest)
        try list.check(page)
        let context = context()
        let comments = page.items.map { WPComment($0, in: context) }
        // One article's comments (or a few): their tags. Otherwise the whole site's comments.
        let tags =
            list.query.articleIDs.isEmpty
            ? ContentChange.allCommentsTag
            : list.query.articleIDs.map(ContentChange.commentTag).joined(separator: " ")
        return try WPAnswer.list(
            comments, page: page, request: request, base: context.addresses.collection("comments"),
            shape: list.shape, cacheTags: tags)
    }

    func one(_ request: Request, id: String) async throws -> Response {
        let shape = try WPShape(WPParameters(request))
        guard let id = Int64(id), let comment = try await catalog.comment(id: id) else {
            throw WPError.Missing.comment.error
        }
        return try WPAnswer.one(
            WPComment(comment, in: context()), shape: shape, cacheTags: ContentChange.commentTag(comment.articleID))
    }
}
