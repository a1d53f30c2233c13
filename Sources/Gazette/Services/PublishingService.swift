import Foundation
import GazetteContent
import GazetteStorage

/// Creates and updates articles: renders their Markdown, validates them and stores them in one transaction.
public struct PublishingService: Sendable {
    private let articles: ArticleStore
    private let clock: Clock
    private let timeZone: TimeZone

    public init(articles: ArticleStore, clock: Clock, timeZone: TimeZone) {
        self.articles = articles
        self.clock = clock
        self.timeZone = timeZone
    }

    /// Saves a new article, or replaces article `id`. Throws `ValidationErrors` naming each bad field.
    /// With `expectedRevision` the save is refused with `ArticleConflict` when someone saved in between.
    @discardableResult
    public func save(
        _ draft: ArticleDraft, id: Int64? = nil, expectedRevision: Int? = nil
    ) async throws
        -> ArticleStore.Saved
    {
        var draft = draft
        draft.bodyHTML = MarkdownRenderer.html(from: draft.bodyMarkdown)
        let now = clock.now()
        let article = try draft.validated(now: now)
        return try await articles.save(
            article, id: id, expectedRevision: expectedRevision, now: now, timeZone: timeZone)
    }

    /// Publishes every scheduled article whose time has come; returns how many. Safe to run from every
    /// instance and after a restart: it only ever moves articles that are due.
    @discardableResult
    public func publishDue() async throws -> Int {
        try await articles.publishScheduled(dueBy: clock.now())
    }
}
