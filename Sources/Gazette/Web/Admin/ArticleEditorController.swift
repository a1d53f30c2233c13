import Foundation
import GazetteContent
import GazetteStorage
import HTTPTypes
import Hummingbird

/// The newsroom's article list and editor. Rights are checked here on every request: contributors and
/// authors work on their own articles, contributors only write drafts and submit them for review.
struct ArticleEditorController: Sendable {
    let session: AdminSession
    let renderer: AdminRenderer
    let articles: ArticleStore
    let publishing: PublishingService
    let urls: SiteURL
    let dates: DateText
    let pageSize = 30

    private func signedIn(_ request: Request) async throws -> Result<SignedInUser, NewsroomController.Refusal> {
        guard let user = try await session.user(for: request) else {
            let next = FormBody.encode(request.uri.path)
            return .failure(
                .init(response: PageRenderer.redirect(to: AdminURL.login + "?next=" + next, permanent: false)))
        }
        return .success(user)
    }

    func list(_ request: Request) async throws -> Response {
        let user: SignedInUser
        switch try await signedIn(request) {
        case .success(let signedIn): user = signedIn
        case .failure(let refusal): return refusal.response
        }
        let query = request.uri.queryParameters
        let status = query["status"].flatMap { ArticleStatus(rawValue: String($0)) }
        let search = query["q"].map(String.init) ?? ""
        let number = query["page"].flatMap { PageRequest(segment: String($0), size: pageSize)?.number } ?? 1
        let ownOnly = user.can(.editAnyArticle) ? nil : user.author.id
        guard let pageRequest = PageRequest(number: number, size: pageSize) else { return renderer.forbidden(user) }
        let page = try await articles.newsroomPage(status: status, authorID: ownOnly, search: search, page: pageRequest)
        let counts = try await articles.countsByStatus(authorID: ownOnly)
        var tabs = [
            ModerationTab(
                label: "All", url: AdminURL.articles, count: counts.values.reduce(0, +), isCurrent: status == nil)
        ]
        tabs += ArticleStatus.allCases.map {
            ModerationTab(
                label: $0.label, url: AdminURL.articles + "?status=\($0.rawValue)", count: counts[$0] ?? 0,
                isCurrent: $0 == status)
        }
        let rows = page.items.map { summary in
            ArticleRow(
                title: summary.title, editURL: AdminURL.article(summary.id), status: summary.status.label,
                author: summary.byline.name, date: dates.longWithTime(summary.publishedAt ?? summary.updatedAt),
                viewURL: summary.status == .published ? urls.article(summary) : nil)
        }
        let base = AdminURL.articles + "?status=\(status?.rawValue ?? "")&q=\(FormBody.encode(search))&page="
        let pager: PagerModel? =
            page.totalPages > 1
            ? PagerModel(
                newerURL: page.hasPrevious ? base + String(page.number - 1) : nil,
                olderURL: page.hasNext ? base + String(page.number + 1) : nil,
                label: "Page \(page.number) of \(page.totalPages)") : nil
        return renderer.page(
            ArticleListPage(
                chrome: renderer.chrome(title: "Articles", user: user, current: "articles"), tabs: tabs, search: search,
                status: status?.rawValue ?? "", rows: rows, isEmpty: rows.isEmpty, pager: pager), template: "articles")
    }

    func edit(_ request: Request, id: Int64?) async throws -> Response {
        let user: SignedInUser
        switch try await signedIn(request) {
        case .success(let signedIn): user = signedIn
        case .failure(let refusal): return refusal.response
        }
        guard let id else {
            return renderer.page(editor(ArticleEditorForm(), user: user, id: nil, revision: 0), template: "editor")
        }
        guard let details = try await articles.find(id: id) else {
            return renderer.message(
                .notFound, heading: "No such article", message: "There is no article \(id).", user: user)
        }
        guard mayEdit(details, user) else { return renderer.forbidden(user) }
        let form = ArticleEditorForm(details: details, dates: dates)
        return renderer.page(
            editor(form, user: user, id: id, revision: details.revision, viewURL: viewURL(details)), template: "editor")
    }

    func save(_ request: Request, id: Int64?) async throws -> Response {
        var request = request
        let fields = FormBody(String(buffer: try await request.collectBody(upTo: 2 * 1024 * 1024)))
        let user: SignedInUser
        switch try await signedIn(request) {
        case .success(let signedIn): user = signedIn
        case .failure(let refusal): return refusal.response
        }
        guard AdminSession.formIsGenuine(fields, user: user) else { return renderer.expiredForm(user) }
        let form = ArticleEditorForm(fields: fields)
        var authorID = user.author.id
        var existing: ArticleDetails? = nil
        if let id {
            guard let details = try await articles.find(id: id) else { return renderer.forbidden(user) }
            guard mayEdit(details, user) else { return renderer.forbidden(user) }
            existing = details
            authorID = details.authorID
        }
        let revision = Int(fields["revision"]) ?? 0
        guard user.author.role.allowedArticleStatuses.contains(form.status) else {
            return renderer.page(
                editor(
                    form, user: user, id: id, revision: revision,
                    general: "Your role can save drafts and submit them for review; an editor publishes."),
                template: "editor", status: .forbidden)
        }
        let (draft, readErrors) = form.draft(authorID: authorID, timeZone: dates.timeZone)
        guard let draft else {
            return renderer.page(
                editor(form, user: user, id: id, revision: revision, errors: readErrors), template: "editor",
                status: .unprocessableContent)
        }
        do {
            let saved = try await publishing.save(draft, id: id, expectedRevision: existing == nil ? nil : revision)
            return PageRenderer.redirect(to: AdminURL.article(saved.id) + "?saved=1", permanent: false)
        } catch let errors as ValidationErrors {
            return renderer.page(
                editor(form, user: user, id: id, revision: revision, errors: errors), template: "editor",
                status: .unprocessableContent)
        } catch let conflict as ArticleConflict {
            let current = try await articles.find(id: id ?? 0)
            let model = ConflictModel(
                theirTitle: current?.summary.title ?? "", theirBody: current?.bodyMarkdown ?? "",
                yourTitle: form["title"], yourBody: form["body"])
            return renderer.page(
                editor(
                    form, user: user, id: id, revision: conflict.currentRevision,
                    general: "Someone else saved this article while you were editing. Nothing was overwritten: "
                        + "compare both versions below, then save again to keep yours.", conflict: model),
                template: "editor", status: .conflict)
        }
    }

    private func mayEdit(_ details: ArticleDetails, _ user: SignedInUser) -> Bool {
        user.can(.editAnyArticle) || details.authorID == user.author.id
    }

    private func viewURL(_ details: ArticleDetails) -> String? {
        details.summary.status == .published ? urls.article(details.summary) : nil
    }

    private func editor(
        _ form: ArticleEditorForm, user: SignedInUser, id: Int64?, revision: Int, viewURL: String? = nil,
        errors: ValidationErrors = ValidationErrors(), general: String? = nil, conflict: ConflictModel? = nil
    ) -> EditorPage {
        // Validation names a few fields differently from the form.
        let aliases = ["body": "body", "image": "image_url", "image_alt": "image_alt", "source": "source"]
        var fields: [String: EditorField] = [:]
        for name in ArticleEditorForm.names {
            let message =
                errors.message(for: name) ?? aliases.first { $0.value == name }.flatMap { errors.message(for: $0.key) }
            fields[name] = EditorField(value: form[name], error: message)
        }
        let statuses = user.author.role.allowedArticleStatuses.map {
            OptionModel(value: $0.rawValue, label: $0.label, selected: $0 == form.status)
        }
        let comments = CommentStatus.allCases.map {
            OptionModel(value: $0.rawValue, label: $0 == .open ? "Open" : "Closed", selected: $0 == form.comments)
        }
        return EditorPage(
            chrome: renderer.chrome(title: id == nil ? "New article" : "Edit article", user: user, current: "articles"),
            heading: id == nil ? "New article" : "Edit article",
            action: id.map(AdminURL.article) ?? AdminURL.newArticle, revision: String(revision),
            generalError: general
                ?? (errors.isEmpty ? nil : "The article was not saved: please check the fields marked below."),
            conflict: conflict, viewURL: viewURL, fields: fields, statusOptions: statuses, commentOptions: comments)
    }
}
