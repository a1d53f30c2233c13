import GazetteContent
import GazetteServices
import GazetteStorage
import GazetteWeb

extension APIHandlers {
    func listArticleComments(
        _ input: Operations.ListArticleComments.Input
    ) async throws -> Operations.ListArticleComments.Output {
        let limit = try PageLimit.parse(input.query.limit)
        let position = try ListCursor.parse(input.query.cursor).position()
        guard let found = try await catalog.comments(articleID: input.path.id, after: position, limit: limit + 1) else {
            throw Problem.notFound("No published article has the number \(input.path.id).")
        }
        let items = Array(found.prefix(limit))
        var next: String?
        if found.count > limit, let last = items.last {
            let cursor = ListCursor.position(ListPosition(time: last.createdAt, id: last.id))
            let parameters = (input.query.limit.map { [("limit", String($0))] } ?? []) + [("cursor", cursor.text)]
            next = shapes.api.comments(ofArticle: input.path.id, parameters)
        }
        return .ok(.init(body: .json(.init(items: items.map(shapes.comment), next: next))))
    }
}
