import GazetteContent
import GazetteServices
import GazetteStorage
import GazetteWeb

extension APIHandlers {
    func listTags(_ input: Operations.ListTags.Input) async throws -> Operations.ListTags.Output {
        .ok(
            .init(
                body: .json(try await terms(.tags, name: "tags", limit: input.query.limit, cursor: input.query.cursor)))
        )
    }

    func listCategories(_ input: Operations.ListCategories.Input) async throws -> Operations.ListCategories.Output {
        .ok(
            .init(
                body: .json(
                    try await terms(
                        .categories, name: "categories", limit: input.query.limit, cursor: input.query.cursor)
                )))
    }

    func listSources(_ input: Operations.ListSources.Input) async throws -> Operations.ListSources.Output {
        .ok(
            .init(
                body: .json(
                    try await terms(.sources, name: "sources", limit: input.query.limit, cursor: input.query.cursor))))
    }

    func listAuthors(_ input: Operations.ListAuthors.Input) async throws -> Operations.ListAuthors.Output {
        let limit = try PageLimit.parse(input.query.limit)
        let after = try ListCursor.parse(input.query.cursor).slug()
        let found = try await catalog.authors(after: after, limit: limit + 1)
        let items = Array(found.prefix(limit))
        let next =
            found.count > limit ? nextPage("authors", after: items.last?.slug.value, limit: input.query.limit) : nil
        return .ok(.init(body: .json(.init(items: items.map(shapes.author), next: next))))
    }

    private func terms(
        _ kind: TermStore.TermKind, name: String, limit requested: Int?, cursor: String?
    ) async throws -> Components.Schemas.TermList {
        let limit = try PageLimit.parse(requested)
        let after = try ListCursor.parse(cursor).slug()
        let found = try await catalog.terms(kind, after: after, limit: limit + 1)
        let items = Array(found.prefix(limit))
        let next = found.count > limit ? nextPage(name, after: items.last?.slug.value, limit: requested) : nil
        return Components.Schemas.TermList(items: items.map { shapes.term($0, kind: kind) }, next: next)
    }

    private func nextPage(_ name: String, after slug: String?, limit: Int?) -> String? {
        guard let slug else { return nil }
        let parameters = (limit.map { [("limit", String($0))] } ?? []) + [("cursor", ListCursor.slug(slug).text)]
        return shapes.api.list(name, parameters)
    }
}
