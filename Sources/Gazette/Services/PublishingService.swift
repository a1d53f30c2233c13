import Foundation
import GazetteContent
import GazetteStorage

/// Creates and updates articles: renders their Markdown, validates them and stores them in one transaction.
public struct PublishingService: Sendable {
    private let articles: ArticleStore
    private let clock: Clock
    private let site: LiveSiteSettings

    public init(articles: ArticleStore, clock: Clock, site: LiveSiteSettings) {
        self.articles = articles
        self.clock = clock
        self.site = site
    }

    /// Saves a new article, or replaces article `id`. Throws `ValidationErrors` naming each bad field.
    /// With `expectedRevision` the save is refused with `ArticleConflict` when someone saved in between.
    @discardableResult
    /// `savedBy` and `note` go into the revision history. Without `trustedHTML` (people who may not edit
    /// others' articles), HTML written into the Markdown keeps only safe elements, as WordPress keeps
    /// unfiltered HTML to editors and admins.
    public func save(
        _ draft: ArticleDraft, id: Int64? = nil, expectedRevision: Int? = nil, savedBy: Int64? = nil, note: String = "",
        trustedHTML: Bool = true
    ) async throws
        -> ArticleStore.Saved
    {
        var draft = draft
        draft.bodyHTML = Self.bodyHTML(draft.bodyMarkdown, trusted: trustedHTML)
        let now = clock.now()
        let article = try draft.validated(now: now)
        return try await articles.save(
            article, id: id, expectedRevision: expectedRevision, now: now, timeZone: site.current.timeZone,
            savedBy: savedBy,
            note: note)
    }

    /// The article body as readers get it.
    public static func bodyHTML(_ markdown: String, trusted: Bool) -> String {
        let html = MarkdownRenderer.html(from: markdown)
        return trusted ? html : HTMLSanitizer.clean(html)
    }

    /// Brings back the text of an earlier revision as a new revision; the history keeps everything.
    /// Throws `ArticleConflict` when the article changed since `expectedRevision`.
    @discardableResult
    public func restore(
        _ revision: ArticleRevision, into current: ArticleDetails, expectedRevision: Int, savedBy: Int64?,
        trustedHTML: Bool = true
    ) async throws -> ArticleStore.Saved {
        var draft = current.draft
        draft.title = revision.title
        draft.dek = revision.dek
        draft.bodyMarkdown = revision.bodyMarkdown
        draft.excerpt = Excerpt.writtenPart(revision.excerpt, body: revision.bodyMarkdown)
        return try await save(
            draft, id: current.summary.id, expectedRevision: expectedRevision, savedBy: savedBy,
            note: "Restored revision \(revision.number)", trustedHTML: trustedHTML)
    }

    /// Moves an article to another status, such as to the trash and back, keeping everything else.
    @discardableResult
    public func change(
        _ current: ArticleDetails, to status: ArticleStatus, expectedRevision: Int, savedBy: Int64?,
        trustedHTML: Bool = true
    ) async throws -> ArticleStore.Saved {
        var draft = current.draft
        draft.status = status
        let note = status == .trashed ? "Moved to the trash" : "Status changed to \(status.label.lowercased())"
        return try await save(
            draft, id: current.summary.id, expectedRevision: expectedRevision, savedBy: savedBy, note: note,
            trustedHTML: trustedHTML)
    }

    /// Publishes every scheduled article whose time has come; returns how many. Safe to run from every
    /// instance and after a restart: it only ever moves articles that are due.
    @discardableResult
    public func publishDue() async throws -> Int {
        try await articles.publishScheduled(dueBy: clock.now())
    }
}
