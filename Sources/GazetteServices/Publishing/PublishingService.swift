import Foundation
import GazetteContent
import GazetteStorage

/// Creates and updates articles: renders their Markdown, validates them and stores them in one transaction.
public struct PublishingService: Sendable {
    private let articles: ArticleStore
    private let clock: Clock
    private let site: LiveSiteSettings
    private let changes: ContentChanges
    /// Where featured images chosen in the editor go; nil where nothing is uploaded (imports).
    let media: MediaLibrary?
    /// Writes the emails a save causes (submitted for review, published by an editor…); nil for imports.
    private let staffMail: StaffNoticeStore.Writer?

    package init(
        articles: ArticleStore, clock: Clock, site: LiveSiteSettings, changes: ContentChanges,
        media: MediaLibrary? = nil, notifier: StaffNotifier? = nil
    ) {
        self.staffMail = notifier?.writer
        self.articles = articles
        self.clock = clock
        self.site = site
        self.changes = changes
        self.media = media
    }

    /// Saves a new article, or replaces article `id`. Throws `ValidationErrors` naming each bad field.
    /// With `expectedRevision` the save is refused with `EditConflict` (carrying what they saved) when someone
    /// saved in between.
    /// `savedBy` and `note` go into the revision history. `writtenBy` is the trust of whoever wrote the text
    /// being saved (`HTMLTrust`); the store keeps it no higher than the text already there, so saving, publishing
    /// or correcting someone else's article never makes their HTML more trusted.
    @discardableResult
    public func save(
        _ draft: ArticleDraft, id: Int64? = nil, expectedRevision: Int? = nil, savedBy: Int64? = nil, note: String = "",
        writtenBy: HTMLTrust, newsletter: Bool = false
    ) async throws
        -> ArticleStore.Saved
    {
        var draft = draft
        draft.bodyTrust = writtenBy
        draft.bodyHTML = Self.bodyHTML(draft.bodyMarkdown, trust: writtenBy)
        let now = clock.now()
        let article = try draft.validated(now: now)
        let timeZone = site.current.timeZone
        let articles = self.articles
        let staffMail = self.staffMail
        do {
            // Even a draft: its slug or status may be what took it off the site.
            return try await changes.committing(.everything) {
                try await articles.save(
                    article, id: id, expectedRevision: expectedRevision, now: now, timeZone: timeZone,
                    savedBy: savedBy, note: note, staffMail: staffMail, newsletter: newsletter)
            }
        } catch let conflict as ArticleConflict {
            throw EditConflict(
                currentRevision: conflict.currentRevision, current: try await articles.find(id: id ?? 0),
                savedBy: try await articles.lastSaver(articleID: id ?? 0))
        }
    }

    /// The article as last saved, whatever its status, for a preview; nil when it is missing or in the trash.
    public func previewable(id: Int64) async throws -> ArticleDetails? {
        guard let details = try await articles.find(id: id), details.summary.status != .trashed else { return nil }
        return details
    }

    /// Renders and validates new articles for `saveNew`, on every core; throws `ValidationErrors` for the
    /// first draft that is not valid. Separate from saving so a caller can prepare one batch while the
    /// previous one is written.
    public func prepareNew(_ drafts: [ArticleDraft]) async throws -> [ValidArticle] {
        let now = clock.now()
        let chunkSize = max(1, (drafts.count + Self.renderingTasks - 1) / Self.renderingTasks)
        return try await withThrowingTaskGroup(of: (Int, [ValidArticle]).self) { group in
            for start in stride(from: 0, to: drafts.count, by: chunkSize) {
                let chunk = drafts[start..<min(start + chunkSize, drafts.count)]
                group.addTask {
                    let valid = try chunk.map { draft in
                        var draft = draft
                        draft.bodyHTML = MarkdownRenderer.html(from: draft.bodyMarkdown)
                        return try draft.validated(now: now)
                    }
                    return (start, valid)
                }
            }
            var parts: [(Int, [ValidArticle])] = []
            for try await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }

    /// Saves many new articles, prepared by `prepareNew`, in one transaction: all of them or none.
    @discardableResult
    public func saveNew(_ articles: [ValidArticle]) async throws -> [ArticleStore.Saved] {
        let (store, now, timeZone) = (self.articles, clock.now(), site.current.timeZone)
        return try await changes.committing(.everything) {
            try await store.saveNew(articles, now: now, timeZone: timeZone)
        }
    }

    private static let renderingTasks = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// The article body as readers get it: Markdown rendered, then cleaned for the trust of its writer.
    public static func bodyHTML(_ markdown: String, trust: HTMLTrust) -> String {
        HTMLSanitizer.clean(MarkdownRenderer.html(from: markdown), trust: trust)
    }

    /// Brings back an earlier revision (its text, and every other field it kept) as a new revision; the
    /// history keeps everything.
    /// Throws `EditConflict` when the article changed since `expectedRevision`. The text comes back no more
    /// trusted than it was when saved, nor than the person restoring it.
    @discardableResult
    public func restore(
        _ revision: ArticleRevision, into current: ArticleDetails, expectedRevision: Int, savedBy: Int64?,
        restorer: HTMLTrust
    ) async throws -> ArticleStore.Saved {
        var draft = current.draft
        draft.title = revision.title
        draft.dek = revision.dek
        draft.bodyMarkdown = revision.bodyMarkdown
        draft.excerpt = Excerpt.writtenPart(revision.excerpt, body: revision.bodyMarkdown)
        // Every other field the revision kept comes back too, but where the article stands (status, publication
        // time) stays as it is now, and so do its corrections: a correction once made is part of the public
        // record, removed only by hand.
        if let details = revision.details {
            draft.slug = details.slug
            draft.tags = details.tags
            draft.category = details.category
            draft.sourceName = details.sourceName
            draft.sourceURL = details.sourceURL
            draft.canonicalURL = details.canonicalURL
            draft.image = details.image
            draft.commentStatus = details.commentStatus
        }
        return try await save(
            draft, id: current.summary.id, expectedRevision: expectedRevision, savedBy: savedBy,
            note: "Restored revision \(revision.number)", writtenBy: revision.bodyTrust.meet(restorer))
    }

    /// Moves an article to another status, such as to the trash and back, keeping everything else (the text
    /// keeps its trust: the person moving it did not write it).
    @discardableResult
    public func change(
        _ current: ArticleDetails, to status: ArticleStatus, expectedRevision: Int, savedBy: Int64?
    ) async throws -> ArticleStore.Saved {
        var draft = current.draft
        draft.status = status
        let note = status == .trashed ? "Moved to the trash" : "Status changed to \(status.label.lowercased())"
        return try await save(
            draft, id: current.summary.id, expectedRevision: expectedRevision, savedBy: savedBy, note: note,
            writtenBy: current.bodyTrust)
    }

    /// Publishes every scheduled article whose time has come; returns how many. Safe to run from every
    /// instance and after a restart: it only ever moves articles that are due.
    @discardableResult
    public func publishDue() async throws -> Int {
        let published = try await articles.publishScheduled(dueBy: clock.now())
        if published > 0 { await changes.publish(.everything) }
        return published
    }
}
