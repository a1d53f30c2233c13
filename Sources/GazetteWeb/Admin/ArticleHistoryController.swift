import Foundation
import GazetteContent
import GazetteServices
import GazetteStorage
import HTTPTypes
import Hummingbird

/// An article's revision history (who saved what, when, and what changed), restoring a revision, and moving
/// an article to the trash and back. Every change here is itself a new revision.
package struct ArticleHistoryController: Sendable {
    package let renderer: AdminRenderer
    package let articles: ArticleStore
    package let revisions: RevisionStore
    package let publishing: PublishingService
    package let access: ArticleAccess
    package let audit: AuditLog
    package let site: LiveSiteSettings

    package init(
        renderer: AdminRenderer, articles: ArticleStore, revisions: RevisionStore,
        publishing: PublishingService, access: ArticleAccess, audit: AuditLog, site: LiveSiteSettings
    ) {
        self.renderer = renderer
        self.articles = articles
        self.revisions = revisions
        self.publishing = publishing
        self.access = access
        self.audit = audit
        self.site = site
    }
    package var dates: DateText { site.dates }

    package func list(_ request: Request, id: Int64, context: NewsroomContext) async throws -> Response {
        let user = context.user
        let article = try await access.editable(id, by: user)
        let rows = try await revisions.list(articleID: id).map { revision in
            RevisionRow(
                number: revision.number, url: AdminURL.revision(id, number: revision.number).path,
                title: revision.title,
                savedBy: revision.savedBy ?? "a command or an import", date: dates.longWithTime(revision.savedAt),
                status: revision.status.label, note: revision.note.isEmpty ? nil : revision.note,
                isCurrent: revision.number == article.revision)
        }
        return renderer.page(
            RevisionListPage(
                chrome: renderer.chrome(title: "Revisions", user: user, current: "articles"),
                articleTitle: article.summary.title, editURL: AdminURL.article(id).path, rows: rows,
                isEmpty: rows.isEmpty))
    }

    package func show(_ request: Request, id: Int64, number: Int, context: NewsroomContext) async throws -> Response {
        try await revisionPage(id: id, number: number, user: context.user)
    }

    private func revisionPage(
        id: Int64, number: Int, user: SignedInUser, notice: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let article = try await access.editable(id, by: user)
        guard let (revision, previous) = try await revisions.find(articleID: id, number: number) else {
            return renderer.message(
                .notFound, heading: "No such revision", message: "This article has no revision \(number).",
                user: user, linkURL: AdminURL.revisions(id).path, linkLabel: "Back to the revisions")
        }
        let before = previous.map(text) ?? ""
        let lines = TextDiff.lines(from: before, to: text(revision)).map(DiffLineModel.init)
        return renderer.page(
            RevisionPage(
                chrome: renderer.chrome(title: "Revision \(number)", user: user, current: "articles", notice: notice),
                articleTitle: article.summary.title, number: number, historyURL: AdminURL.revisions(id).path,
                savedBy: revision.savedBy ?? "a command or an import", date: dates.longWithTime(revision.savedAt),
                comparedWith: previous.map { "revision \($0.number)" } ?? "an empty article", lines: lines,
                isCurrent: revision.number == article.revision,
                restoreURL: AdminURL.restoreRevision(id, number: number).path,
                currentRevision: String(article.revision),
                confirming: false, revisionURL: AdminURL.revision(id, number: number).path), status: status)
    }

    /// "Restore revision 3?": what restoring would change in the article as it stands, and the button that
    /// does it.
    private func confirmation(
        _ revision: ArticleRevision, of article: ArticleDetails, user: SignedInUser
    ) -> Response {
        let id = article.summary.id
        let diff = TextDiff.lines(from: text(article), to: text(revision))
        guard diff.contains(where: { if case .same = $0 { false } else { true } }) else {
            return renderer.message(
                .ok, heading: "Nothing to restore",
                message: "Revision \(revision.number) is the same as the article now: restoring it would change "
                    + "nothing.", user: user, linkURL: AdminURL.revisions(id).path, linkLabel: "Back to the revisions")
        }
        let lines = diff.map(DiffLineModel.init)
        return renderer.page(
            RevisionPage(
                chrome: renderer.chrome(title: "Restore revision \(revision.number)?", user: user, current: "articles"),
                articleTitle: article.summary.title, number: revision.number, historyURL: AdminURL.revisions(id).path,
                savedBy: revision.savedBy ?? "a command or an import", date: dates.longWithTime(revision.savedAt),
                comparedWith: "the article as it is now", lines: lines, isCurrent: false,
                restoreURL: AdminURL.restoreRevision(id, number: revision.number).path,
                currentRevision: String(article.revision), confirming: true,
                revisionURL: AdminURL.revision(id, number: revision.number).path))
    }

    package func restore(
        _ request: Request, id: Int64, number: Int, context: NewsroomFormContext
    ) async throws -> Response {
        let (user, posted) = (context.user, context.form)
        let fields = posted.fields
        let article = try await access.changeable(id, by: user)
        guard let (revision, _) = try await revisions.find(articleID: id, number: number) else {
            throw HTTPError(.notFound)
        }
        guard fields["confirm"] == "yes" else { return confirmation(revision, of: article, user: user) }
        do {
            try await publishing.restore(
                revision, into: article, expectedRevision: Int(fields["revision"]) ?? -1, savedBy: user.author.id,
                restorer: user.author.role.htmlTrust)
        } catch is EditConflict {
            return try await revisionPage(
                id: id, number: number, user: user,
                notice: "The article changed since you opened this page; nothing was restored. Look again, then "
                    + "restore if you still want to.", status: .conflict)
        } catch let errors as ValidationErrors {
            return renderer.message(
                .unprocessableContent, heading: "This revision cannot be restored",
                message: errors.issues.map(\.message).joined(separator: " "), user: user,
                linkURL: AdminURL.revisions(id).path,
                linkLabel: "Back to the revisions")
        }
        await audit.record(
            .revisionRestored, by: user.author, target: AuditLog.article(id, revision.title),
            detail: "Revision \(number) of \(article.revision)")
        return PageRenderer.redirect(to: AdminURL.article(id).path + "?restored=\(number)", permanent: false)
    }

    /// The restore address opened by itself (a reload of the confirmation): back to the revision.
    package func restoreAddress(
        _ request: Request, id: Int64, number: Int, context: NewsroomContext
    ) async throws
        -> Response
    {
        _ = try await access.editable(id, by: context.user)
        return PageRenderer.redirect(to: AdminURL.revision(id, number: number).path, permanent: false)
    }

    /// Moves an article to the trash, or out of it as a draft.
    package func changeStatus(_ request: Request, id: Int64, context: NewsroomFormContext) async throws -> Response {
        let (user, posted) = (context.user, context.form)
        let fields = posted.fields
        let article = try await access.changeable(id, by: user)
        guard let status = ArticleStatus(rawValue: fields["status"]), [.trashed, .draft].contains(status) else {
            return renderer.message(
                .unprocessableContent, heading: "Nothing changed",
                message: "An article can be moved to the trash, or out of it as a draft.", user: user,
                linkURL: AdminURL.article(id).path, linkLabel: "Back to the article")
        }
        guard user.author.role.allowedArticleStatuses.contains(status) else { return renderer.forbidden(user) }
        do {
            try await publishing.change(
                article, to: status, expectedRevision: Int(fields["revision"]) ?? -1, savedBy: user.author.id)
        } catch is EditConflict {
            return renderer.message(
                .conflict, heading: "The article changed meanwhile",
                message: "Someone saved this article since you opened it, so nothing was changed. Open it again "
                    + "and decide.", user: user, linkURL: AdminURL.article(id).path, linkLabel: "Open the article")
        }
        if let action = AuditAction.statusChange(from: article.summary.status, to: status) {
            await audit.record(action, by: user.author, target: AuditLog.article(id, article.summary.title))
        }
        let done = status == .trashed ? "trashed" : "restored"
        return PageRenderer.redirect(to: AdminURL.articles.path + "?done=\(done)", permanent: false)
    }

    /// What a revision says, as one text for the diff: the text, then one line per other field it kept.
    private func text(_ revision: ArticleRevision) -> String {
        text(title: revision.title, dek: revision.dek, body: revision.bodyMarkdown, details: revision.details)
    }

    /// The article as it stands, in the same form.
    private func text(_ article: ArticleDetails) -> String {
        text(
            title: article.summary.title, dek: article.summary.dek, body: article.bodyMarkdown,
            details: RevisionDetails(article))
    }

    private func text(title: String, dek: String, body: String, details: RevisionDetails?) -> String {
        var parts = ["# " + title]
        if !dek.isEmpty { parts.append("## " + dek) }
        parts.append(body)
        if let details {
            let time = NewsroomTime(timeZone: dates.timeZone)
            parts.append("---\n" + details.lines(date: time.text).joined(separator: "\n"))
        }
        return parts.joined(separator: "\n\n")
    }
}
