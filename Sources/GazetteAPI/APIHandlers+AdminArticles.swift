import Foundation
import GazetteContent
import GazetteServices
import GazetteWeb

extension APIHandlers {
    func listAdminArticles(
        _ input: Operations.ListAdminArticles.Input
    ) async throws
        -> Operations.ListAdminArticles.Output
    {
        let caller = try APIRequest.caller(for: .articlesRead)
        let limit = try PageLimit.parse(input.query.limit)
        let number = try ListCursor.parse(input.query.cursor).pageNumber()
        guard let request = PageRequest(number: number, size: limit) else {
            throw Problem.invalid("cursor", "The cursor is past the end of the list.")
        }
        let status = input.query.status.map(ArticleEdits.status)
        let page = try await newsroom.desk.list(status: status, for: caller.author, page: request)
        var parameters: [(String, String)] = []
        if let status { parameters.append(("status", status.rawValue)) }
        if let limit = input.query.limit { parameters.append(("limit", String(limit))) }
        let next =
            page.hasNext
            ? shapes.api.list("admin/articles", parameters + [("cursor", ListCursor.page(number + 1).text)]) : nil
        return .ok(.init(body: .json(.init(items: page.items.map(shapes.adminCard), next: next))))
    }

    func getAdminArticle(_ input: Operations.GetAdminArticle.Input) async throws -> Operations.GetAdminArticle.Output {
        let caller = try APIRequest.caller(for: .articlesRead)
        let details = try await desk { try await newsroom.desk.article(input.path.id, for: caller.author) }
        return .ok(.init(body: .json(shapes.adminArticle(details))))
    }

    func createArticle(_ input: Operations.CreateArticle.Input) async throws -> Operations.CreateArticle.Output {
        let caller = try APIRequest.caller(for: .articlesWrite)
        guard case .json(let body) = input.body else { throw Problem.invalid("body", "Send the article as JSON.") }
        let saved = try await desk {
            try await newsroom.desk.save(ArticleEdits(body).newDraft, id: nil, expectedRevision: nil, by: caller.author)
        }
        return .created(.init(body: .json(shapes.adminArticle(saved))))
    }

    func updateArticle(_ input: Operations.UpdateArticle.Input) async throws -> Operations.UpdateArticle.Output {
        guard case .json(let body) = input.body else { throw Problem.invalid("body", "Send the changes as JSON.") }
        let saved = try await change(input.path.id, revision: body.revision) { ArticleEdits(body).apply(to: &$0) }
        return .ok(.init(body: .json(shapes.adminArticle(saved))))
    }

    func publishArticle(_ input: Operations.PublishArticle.Input) async throws -> Operations.PublishArticle.Output {
        guard case .json(let body) = input.body else { throw Problem.invalid("body", "Send the revision as JSON.") }
        let saved = try await change(input.path.id, revision: body.revision) { draft in
            draft.status = .published
            // Published now, unless it already went out (a republished article keeps its first date).
            if draft.publishedAt.map({ $0 > Date() }) ?? false { draft.publishedAt = nil }
        }
        return .ok(.init(body: .json(shapes.adminArticle(saved))))
    }

    func scheduleArticle(_ input: Operations.ScheduleArticle.Input) async throws -> Operations.ScheduleArticle.Output {
        guard case .json(let body) = input.body else { throw Problem.invalid("body", "Send the time as JSON.") }
        let saved = try await change(input.path.id, revision: body.revision) { draft in
            draft.status = .scheduled
            draft.publishedAt = body.publishedAt
        }
        return .ok(.init(body: .json(shapes.adminArticle(saved))))
    }

    func unpublishArticle(
        _ input: Operations.UnpublishArticle.Input
    ) async throws
        -> Operations.UnpublishArticle.Output
    {
        guard case .json(let body) = input.body else { throw Problem.invalid("body", "Send the revision as JSON.") }
        let saved = try await change(input.path.id, revision: body.revision) { $0.status = .draft }
        return .ok(.init(body: .json(shapes.adminArticle(saved))))
    }

    func trashArticle(_ input: Operations.TrashArticle.Input) async throws -> Operations.TrashArticle.Output {
        guard case .json(let body) = input.body else { throw Problem.invalid("body", "Send the revision as JSON.") }
        let saved = try await change(input.path.id, revision: body.revision) { $0.status = .trashed }
        return .ok(.init(body: .json(shapes.adminArticle(saved))))
    }

    /// Reads the article, applies `edit` to its draft and saves it against `revision`, as the editor does.
    private func change(
        _ id: Int64, revision: Int, _ edit: (inout ArticleDraft) -> Void
    ) async throws -> ArticleDetails {
        let caller = try APIRequest.caller(for: .articlesWrite)
        return try await desk {
            var draft = try await newsroom.desk.article(id, for: caller.author).draft
            edit(&draft)
            return try await newsroom.desk.save(draft, id: id, expectedRevision: revision, by: caller.author)
        }
    }

    /// Runs a desk call, its refusals, invalid fields and edit conflicts turned into problems.
    func desk<T>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch let refusal as ArticleDesk.Refusal {
            switch refusal {
            case .notFound: throw Problem.notFound("There is no such article.")
            case .forbidden(let reason): throw Problem(.forbidden, code: "forbidden", detail: reason)
            }
        } catch let errors as ValidationErrors {
            throw Problem.invalidFields(errors)
        } catch let conflict as EditConflict {
            var problem = Problem(
                .conflict, code: "edit_conflict",
                detail: "Someone saved this article after the revision you sent; read it again (revision "
                    + "\(conflict.currentRevision)) and send your change on top.")
            problem.extra["current_revision"] = conflict.currentRevision
            throw problem
        }
    }
}

extension Problem {
    /// Every invalid field of a body at once, as 422.
    static func invalidFields(_ errors: ValidationErrors) -> Problem {
        let issues = errors.issues.map { (field: $0.field, detail: $0.message) }
        return Problem(
            .unprocessableContent, code: "invalid_fields",
            detail: issues.first.map { $0.detail + (issues.count > 1 ? " (and \(issues.count - 1) more)" : "") }
                ?? "The body is not acceptable.",
            field: issues.first?.field, errors: issues)
    }
}

extension Optional where Wrapped == ListCursor {
    /// The page number a cursor of a numbered list holds; 1 without one.
    func pageNumber() throws(Problem) -> Int {
        switch self {
        case nil: return 1
        case .page(let number)?: return number
        default: throw Problem.invalid("cursor", "This cursor belongs to another list.")
        }
    }
}
