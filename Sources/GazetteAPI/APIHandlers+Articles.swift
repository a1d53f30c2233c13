import Foundation
import GazetteContent
import GazetteServices
import GazetteStorage
import GazetteWeb

extension APIHandlers {
    func listArticles(_ input: Operations.ListArticles.Input) async throws -> Operations.ListArticles.Output {
        let query = input.query
        let limit = try PageLimit.parse(query.limit)
        let cursor = try ListCursor.parse(query.cursor)
        if let words = query.q {
            guard words.count <= 200 else { throw Problem.invalid("q", "q takes at most 200 characters.") }
            let filters = [query.tag, query.category, query.author, query.source].compactMap { $0 }
            guard filters.isEmpty, query.after == nil, query.before == nil, query._type ?? .article == .article else {
                throw Problem.invalid("q", "q searches every article; it does not combine with other filters.")
            }
            return .ok(.init(body: .json(try await search(words, cursor: cursor, limit: limit))))
        }
        var listing = ArticleListing(
            kind: query._type == .page ? .page : .article, publishedFrom: query.after, publishedBefore: query.before)
        var parameters: [(String, String)] = []
        let subjects: [(String, String?, (Slug) -> ArchiveKey)] = [
            ("tag", query.tag, ArchiveKey.tag), ("category", query.category, ArchiveKey.category),
            ("author", query.author, ArchiveKey.author), ("source", query.source, ArchiveKey.source),
        ]
        for (name, value, key) in subjects {
            guard let value else { continue }
            guard listing.filter == .all else {
                throw Problem.invalid(name, "Filter by one of tag, category, author and source at a time.")
            }
            guard let slug = Slug(validating: value), let filter = try await catalog.filter(key(slug)) else {
                throw Problem(
                    .notFound, code: "not_found", detail: "There is no \(name) “\(value)” on this site.", field: name)
            }
            listing.filter = filter
            parameters.append((name, value))
        }
        if let type = query._type { parameters.append(("type", type.rawValue)) }
        if let after = query.after { parameters.append(("after", after.ISO8601Format())) }
        if let before = query.before { parameters.append(("before", before.ISO8601Format())) }
        if query.limit != nil { parameters.append(("limit", String(limit))) }
        let found = try await catalog.articles(listing, after: try cursor.position(), limit: limit + 1)
        return .ok(.init(body: .json(list(found, limit: limit, parameters: parameters, name: "articles"))))
    }

    func listPages(_ input: Operations.ListPages.Input) async throws -> Operations.ListPages.Output {
        let limit = try PageLimit.parse(input.query.limit)
        let position = try ListCursor.parse(input.query.cursor).position()
        let found = try await catalog.articles(ArticleListing(kind: .page), after: position, limit: limit + 1)
        let parameters = input.query.limit == nil ? [] : [("limit", String(limit))]
        return .ok(.init(body: .json(list(found, limit: limit, parameters: parameters, name: "pages"))))
    }

    func getArticle(_ input: Operations.GetArticle.Input) async throws -> Operations.GetArticle.Output {
        guard let details = try await catalog.article(id: input.path.id) else {
            throw Problem.notFound("No published article has the number \(input.path.id).")
        }
        return .ok(.init(body: .json(try await whole(details))))
    }

    func lookupArticle(_ input: Operations.LookupArticle.Input) async throws -> Operations.LookupArticle.Output {
        let path = input.query.path
        guard path.hasPrefix("/"), path.count <= 2000 else {
            throw Problem.invalid("path", "path takes the address of a page of this site, starting with “/”.")
        }
        guard let details = try await catalog.article(atPath: path) else {
            throw Problem.notFound("No published article or page is at \(path).")
        }
        return .ok(.init(body: .json(try await whole(details))))
    }

    private func whole(_ details: ArticleDetails) async throws -> Components.Schemas.Article {
        shapes.article(details, author: try await catalog.author(id: details.summary.byline.id))
    }

    /// A page of cards; one more than `limit` was read, to know whether a next page exists.
    private func list(
        _ found: [ArticleSummary], limit: Int, parameters: [(String, String)], name: String
    ) -> Components.Schemas.ArticleList {
        let items = Array(found.prefix(limit))
        var next: String?
        if found.count > limit, let last = items.last {
            let cursor = ListCursor.position(ListPosition(time: last.publishedAt ?? last.updatedAt, id: last.id))
            next = shapes.api.list(name, parameters + [("cursor", cursor.text)])
        }
        return Components.Schemas.ArticleList(items: items.map(shapes.card), next: next)
    }

    private func search(_ words: String, cursor: ListCursor?, limit: Int) async throws -> Components.Schemas.ArticleList
    {
        let number: Int
        switch cursor {
        case nil: number = 1
        case .page(let page)?: number = page
        default: throw Problem.invalid("cursor", "This cursor belongs to another list.")
        }
        guard let request = PageRequest(number: number, size: limit) else {
            throw Problem.invalid("cursor", "The cursor is past the end of the results.")
        }
        let page = try await catalog.search(SearchQuery(words), page: request)
        var parameters = [("q", words)]
        if limit != PageLimit.standard { parameters.append(("limit", String(limit))) }
        let next =
            page.hasNext
            ? shapes.api.list("articles", parameters + [("cursor", ListCursor.page(number + 1).text)]) : nil
        return Components.Schemas.ArticleList(items: page.items.map { shapes.card($0.summary) }, next: next)
    }
}
