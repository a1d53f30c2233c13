import Foundation
import GazetteContent
import GazetteStorage

/// What a member of staff may do with articles from outside the editor (the Admin API), under the editor's
/// rules: their own articles or, with the right, anyone's; only the statuses their role may give; nothing
/// more once their reviewed work is out. Saves go through `PublishingService`, so they leave the same
/// revisions, change events and emails, and status changes the same audit lines, as the editor's.
public struct ArticleDesk: Sendable {
    private let publishing: PublishingService
    private let articles: ArticleStore
    private let audit: AuditLog

    public init(publishing: PublishingService, articles: ArticleStore, audit: AuditLog) {
        self.publishing = publishing
        self.articles = articles
        self.audit = audit
    }

    /// Why the desk said no.
    public enum Refusal: Error, Equatable {
        case notFound
        case forbidden(String)
    }

    /// The article when `author` may open it.
    public func article(_ id: Int64, for author: Author) async throws -> ArticleDetails {
        guard let details = try await articles.find(id: id) else { throw Refusal.notFound }
        guard author.role.can(.editAnyArticle) || details.authorID == author.id else {
            throw Refusal.forbidden("Only your own articles are yours to open; editors open anyone’s.")
        }
        return details
    }

    /// One page of the articles `author` may open, newest change first.
    public func list(
        status: ArticleStatus?, for author: Author, page: PageRequest
    ) async throws
        -> Page<ArticleSummary>
    {
        try await articles.newsroomPage(
            status: status, authorID: author.role.can(.editAnyArticle) ? nil : author.id, search: "", page: page)
    }

    /// Saves a new article (`id` nil) or a change; `expectedRevision` is required for a change. Throws
    /// `Refusal`, `ValidationErrors` or `EditConflict`.
    public func save(
        _ draft: ArticleDraft, id: Int64?, expectedRevision: Int?, by author: Author, note: String = ""
    ) async throws -> ArticleDetails {
        var draft = draft
        var existing: ArticleDetails?
        if let id {
            let current = try await article(id, for: author)
            guard author.role.mayRevise(current.summary.status) else {
                throw Refusal.forbidden("This article is published or scheduled: an editor makes any further change.")
            }
            draft.authorID = current.authorID
            existing = current
        } else {
            draft.authorID = author.id
        }
        guard author.role.allowedArticleStatuses.contains(draft.status) else {
            throw Refusal.forbidden("Your role can save drafts and submit them for review; an editor publishes.")
        }
        let saved = try await publishing.save(
            draft, id: id, expectedRevision: expectedRevision, savedBy: author.id, note: note,
            writtenBy: author.role.htmlTrust)
        if let action = AuditAction.statusChange(from: existing?.summary.status, to: draft.status) {
            await audit.record(action, by: author, target: AuditLog.article(saved.id, draft.title))
        }
        guard let details = try await articles.find(id: saved.id) else { throw Refusal.notFound }
        return details
    }
}
