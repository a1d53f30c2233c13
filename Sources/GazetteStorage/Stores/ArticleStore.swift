import Foundation
import GazetteContent
import SQLKit

/// Articles: written as whole aggregates in one transaction, read as summaries or as a full page.
///
/// Public reads only ever see `published` articles whose publication time has come.
public struct ArticleStore: Sendable {
    let database: Database
    /// Queues webhook deliveries in the transaction of each save that publishes, updates or takes down.
    let webhooks: WebhookQueue?

    public init(database: Database, webhooks: WebhookQueue? = nil) {
        self.database = database
        self.webhooks = webhooks
    }

    /// Where a saved article now lives.
    public struct Saved: Sendable, Equatable {
        public var id: Int64
        public var slug: Slug
        public var day: PublicationDay
    }

    /// Stores a new article, or replaces article `id`, with its tags, category, source and corrections.
    ///
    /// The slug is made unique for the article's day by numbering ("budget-2").
    /// With `expectedRevision`, the save happens only if nobody saved the article since that revision;
    /// otherwise `ArticleConflict` is thrown and nothing is written.
    /// Every save adds a revision, recorded with `savedBy` and `note`. `staffMail` writes the emails the
    /// save causes (`StaffNotice`), queued in its transaction. With `newsletter`, a published or scheduled
    /// article is also sent to its subscribers once it is out (once per article).
    public func save(
        _ article: ValidArticle, id: Int64? = nil, expectedRevision: Int? = nil, now: Date, timeZone: TimeZone,
        savedBy: Int64? = nil, note: String = "", staffMail: StaffNoticeStore.Writer? = nil, newsletter: Bool = false
    ) async throws -> Saved {
        let dialect = database.dialect
        return try await database.write { db in
            try await ArticleWriter(
                db: db, article: article, now: now, timeZone: timeZone, savedBy: savedBy, note: note,
                lockRows: dialect.lockRows, dialect: dialect, staffMail: staffMail, sendsNewsletter: newsletter,
                webhooks: webhooks
            )
            .save(replacing: id, expectedRevision: expectedRevision)
        }
    }

    /// Stores many new articles in one transaction: all of them, or none. Imports and the sample-site
    /// generator use it, since one commit per article would spend most of the time waiting for the disk.
    public func saveNew(_ articles: [ValidArticle], now: Date, timeZone: TimeZone) async throws -> [Saved] {
        let dialect = database.dialect
        return try await database.write { db in
            try await NewArticlesWriter(db: db, now: now, timeZone: timeZone, dialect: dialect).save(articles)
        }
    }

    /// Flips scheduled articles whose time has come to published, each with a revision saying so; returns
    /// how many. One UPDATE decides, so an article unscheduled a moment before is left alone.
    public func publishScheduled(dueBy now: Date) async throws -> Int {
        let webhooks = self.webhooks
        return try await database.write { db in
            let published = try await db.raw(
                """
                UPDATE articles SET status = 'published', revision = revision + 1
                WHERE status = 'scheduled' AND published_at <= \(bind: now.storedSeconds)
                RETURNING id
                """
            ).all().map { try $0.int64("id") }
            guard !published.isEmpty else { return 0 }
            try await db.raw(
                """
                INSERT INTO article_revisions
                    (article_id, revision, saved_at, title, dek, body_markdown, excerpt, status, note, body_trust,
                    details)
                SELECT a.id, a.revision, \(bind: now.storedSeconds), a.title, a.dek, b.body_markdown, a.excerpt,
                    a.status, 'Published on schedule', b.body_trust,
                    COALESCE((SELECT p.details FROM article_revisions p
                        WHERE p.article_id = a.id AND p.revision = a.revision - 1), '')
                FROM articles a JOIN article_bodies b ON b.article_id = a.id WHERE a.id IN (\(binds: published))
                """
            ).run()
            for id in published { try await webhooks?.queueArticle(.articlePublished, id: id, now: now, in: db) }
            return published.count
        }
    }

    /// Articles of any status for the newsroom, newest change first, with filters.
    public func newsroomPage(
        status: ArticleStatus?, authorID: Int64?, search: String, filters: [ArticleFilter] = [], page: PageRequest
    ) async throws -> Page<ArticleSummary> {
        try await database.read { db in
            var condition: SQLQueryString = "1 = 1"
            for filter in filters { condition = condition + filter.condition }
            if let status { condition = condition + " AND a.status = \(bind: status.rawValue)" }
            if let authorID { condition = condition + " AND a.author_id = \(bind: authorID)" }
            let words = search.trimmingCharacters(in: .whitespaces)
            if !words.isEmpty {
                let escaped = words.lowercased().replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
                condition = condition + " AND LOWER(a.title) LIKE \(bind: "%" + escaped + "%") ESCAPE '\\'"
            }
            let total = try await db.raw("SELECT COUNT(*) AS n FROM articles a WHERE " + condition).first()?.int64("n")
            let rows = try await db.raw(
                ArticleQueries.summarySelect + " WHERE " + condition
                    + " ORDER BY a.updated_at DESC, a.id DESC LIMIT \(literal: page.size) OFFSET \(literal: page.offset)"
            ).all()
            return Page(items: try rows.map(ArticleQueries.summary), request: page, totalItems: Int(total ?? 0))
        }
    }

    /// Who made the article's latest save (nil for a command, an import, or a person since removed).
    public func lastSaver(articleID: Int64) async throws -> Int64? {
        try await database.read { db in
            try await db.raw(
                """
                SELECT saved_by FROM article_revisions WHERE article_id = \(bind: articleID)
                ORDER BY revision DESC LIMIT 1
                """
            ).first()?.optionalInt64("saved_by")
        }
    }

    /// Scheduled articles, the next to come out first; only `authorID`'s when given.
    public func upcoming(limit: Int, authorID: Int64? = nil) async throws -> [ArticleSummary] {
        try await list(status: .scheduled, authorID: authorID, order: "a.published_at ASC, a.id ASC", limit: limit)
    }

    /// Published articles, the latest out first (whatever was edited since); only `authorID`'s when given.
    public func recentlyPublished(limit: Int, authorID: Int64? = nil) async throws -> [ArticleSummary] {
        try await list(status: .published, authorID: authorID, order: "a.published_at DESC, a.id DESC", limit: limit)
    }

    private func list(
        status: ArticleStatus, authorID: Int64?, order: SQLQueryString, limit: Int
    ) async throws -> [ArticleSummary] {
        try await database.read { db in
            var condition: SQLQueryString = "a.status = \(bind: status.rawValue)"
            if let authorID { condition = condition + " AND a.author_id = \(bind: authorID)" }
            return try await db.raw(
                ArticleQueries.summarySelect + " WHERE " + condition + " ORDER BY " + order
                    + " LIMIT \(literal: limit)"
            ).all().map(ArticleQueries.summary)
        }
    }

    /// The headlines of the articles with these ids, in one query (lists that name each item's article).
    public func titles(ids: Set<Int64>) async throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        return try await database.read { db in
            var list = SQLQueryString("")
            for (index, id) in ids.sorted().enumerated() {
                list = list + (index == 0 ? "" : ", ") + "\(bind: id)"
            }
            var titles: [Int64: String] = [:]
            for row in try await db.raw("SELECT id, title FROM articles WHERE id IN (" + list + ")").all() {
                titles[try row.int64("id")] = try row.string("title")
            }
            return titles
        }
    }

    /// How many articles have each status, for the newsroom's tabs.
    public func countsByStatus(authorID: Int64? = nil) async throws -> [ArticleStatus: Int] {
        try await database.read { db in
            let filter: SQLQueryString = authorID.map { " WHERE author_id = \(bind: $0)" } ?? ""
            var counts: [ArticleStatus: Int] = [:]
            for row in try await db.raw("SELECT status, COUNT(*) AS n FROM articles" + filter + " GROUP BY status")
                .all()
            {
                if let status = ArticleStatus(rawValue: try row.string("status")) {
                    counts[status] = Int(try row.int64("n"))
                }
            }
            return counts
        }
    }

    /// The id of the newest article with this slug on any day, as re-imports use to update in place.
    public func id(forSlug slug: Slug) async throws -> Int64? {
        try await database.read { db in
            try await db.raw(
                "SELECT id FROM articles WHERE slug = \(bind: slug.value) ORDER BY publish_day DESC, id DESC LIMIT 1"
            ).first()?.int64("id")
        }
    }

    /// The id of the article with this slug on this publication day.
    public func id(forSlug slug: Slug, day: PublicationDay) async throws -> Int64? {
        try await database.read { db in
            try await db.raw(
                "SELECT id FROM articles WHERE slug = \(bind: slug.value) AND publish_day = \(bind: day.isoDate)"
            ).first()?.int64("id")
        }
    }

    public func count() async throws -> Int {
        try await database.read { db in
            Int(try await db.raw("SELECT COUNT(*) AS n FROM articles").first()?.int64("n") ?? 0)
        }
    }

    /// One page of the newest published articles that match the filter.
    public func published(_ filter: ArticleFilter, page: PageRequest, now: Date) async throws -> Page<ArticleSummary> {
        try await database.read { db in
            let visible = ArticleQueries.listed(now: now) + filter.condition
            let total = try await db.raw("SELECT COUNT(*) AS n FROM articles a WHERE " + visible).first()?.int64("n")
            let rows = try await db.raw(
                ArticleQueries.summarySelect + " WHERE " + visible
                    + " ORDER BY a.published_at DESC, a.id DESC LIMIT \(literal: page.size) OFFSET \(literal: page.offset)"
            ).all()
            return Page(items: try rows.map(ArticleQueries.summary), request: page, totalItems: Int(total ?? 0))
        }
    }

    /// The newest published articles, leaving one out (the article being read).
    public func latest(limit: Int, excluding excludedID: Int64?, now: Date) async throws -> [ArticleSummary] {
        try await database.read { db in
            try await db.raw(
                ArticleQueries.summarySelect + " WHERE " + ArticleQueries.listed(now: now)
                    + " AND a.id <> \(bind: excludedID ?? -1)"
                    + " ORDER BY a.published_at DESC, a.id DESC LIMIT \(literal: limit)"
            ).all().map(ArticleQueries.summary)
        }
    }

    /// The published article at this day and slug, with everything its page shows.
    public func published(day: PublicationDay, slug: Slug, now: Date) async throws -> ArticleDetails? {
        try await details(
            where: " WHERE " + ArticleQueries.visible(now: now)
                + " AND a.publish_day = \(bind: day.isoDate) AND a.slug = \(bind: slug.value)")
    }

    /// The newest published article with this slug on any day, for answering a mistyped date with a redirect.
    public func published(slug: Slug, now: Date) async throws -> ArticleSummary? {
        try await database.read { db in
            try await db.raw(
                ArticleQueries.summarySelect + " WHERE " + ArticleQueries.visible(now: now)
                    + " AND a.slug = \(bind: slug.value) ORDER BY a.published_at DESC LIMIT 1"
            ).first().map(ArticleQueries.summary)
        }
    }

    /// An article's summary by id, whatever its status: one query, for links and redirects.
    public func summary(id: Int64) async throws -> ArticleSummary? {
        try await database.read { db in
            try await db.raw(ArticleQueries.summarySelect + " WHERE a.id = \(bind: id)").first().map(
                ArticleQueries.summary)
        }
    }

    /// What accepting a comment needs to know about an article, in one small query.
    public struct CommentTarget: Sendable {
        public var slug: Slug
        public var day: PublicationDay
        public var status: ArticleStatus
        public var publishedAt: Date?
        public var commentStatus: CommentStatus
    }

    public func commentTarget(id: Int64) async throws -> CommentTarget? {
        try await database.read { db in
            try await db.raw(
                "SELECT slug, publish_day, status, published_at, comment_status FROM articles WHERE id = \(bind: id)"
            ).first()
                .map {
                    CommentTarget(
                        slug: try $0.slug("slug"),
                        day: PublicationDay(isoDate: try $0.string("publish_day"))
                            ?? PublicationDay(year: 1970, month: 1, day: 1)!,
                        status: ArticleStatus(rawValue: try $0.string("status")) ?? .draft,
                        publishedAt: try $0.optionalDate("published_at"),
                        commentStatus: CommentStatus(rawValue: try $0.string("comment_status")) ?? .open)
                }
        }
    }

    /// The newest published articles that match the filter, whole (body, tags, corrections), for feeds: three
    /// queries whatever the number of articles.
    public func newestWithBodies(_ filter: ArticleFilter, limit: Int, now: Date) async throws -> [ArticleDetails] {
        try await database.read { db in
            let rows = try await db.raw(
                ArticleQueries.detailSelect + " WHERE " + ArticleQueries.listed(now: now) + filter.condition
                    + " ORDER BY a.published_at DESC, a.id DESC LIMIT \(literal: limit)"
            ).all()
            return try await ArticleQueries.wholeArticles(rows, in: db)
        }
    }

    // MARK: Sitemaps

    /// An address search engines should know, with when it last changed.
    public struct SitemapEntry: Sendable, Equatable {
        public var day: PublicationDay?
        public var slug: Slug
        public var lastModified: Date
        public var title: String
        public var publishedAt: Date?
    }

    /// How many articles are published, and the newest change among them, in one query.
    public func publishedTotals(now: Date) async throws -> (count: Int, lastModified: Date?) {
        try await database.read { db in
            let row = try await db.raw(
                "SELECT COUNT(*) AS n, MAX(\(unsafeRaw: ArticleQueries.changedAt)) AS changed FROM articles a WHERE "
                    + ArticleQueries.visible(now: now)
            ).first()
            return (Int(try row?.int64("n") ?? 0), try row?.optionalDate("changed"))
        }
    }

    /// Published articles, oldest first (so a page's content stays put as new articles arrive).
    /// With `since`, only those published from then on (the news sitemap's 48 hours).
    public func sitemapArticles(
        limit: Int, offset: Int, since: Date? = nil, now: Date
    ) async throws -> [SitemapEntry] {
        try await database.read { db in
            var condition = ArticleQueries.visible(now: now)
            if let since { condition = condition + " AND a.published_at >= \(bind: since.storedSeconds)" }
            return try await db.raw(
                "SELECT a.publish_day, a.slug, \(unsafeRaw: ArticleQueries.changedAt) AS updated_at, a.published_at, a.title"
                    + " FROM articles a WHERE "
                    + condition
                    + " ORDER BY a.published_at, a.id LIMIT \(literal: limit) OFFSET \(literal: offset)"
            ).all().map { row in
                SitemapEntry(
                    day: PublicationDay(isoDate: try row.string("publish_day")), slug: try row.slug("slug"),
                    lastModified: try row.date("updated_at"), title: try row.string("title"),
                    publishedAt: try row.optionalDate("published_at"))
            }
        }
    }

    /// The tags, categories, sources or authors with at least one published article, with the newest
    /// change among their articles.
    public func sitemapSubjects(_ kind: SitemapSubject, limit: Int, now: Date) async throws -> [SitemapEntry] {
        let join: SQLQueryString =
            switch kind {
            case .tags:
                "SELECT g.slug, g.name, MAX(\(unsafeRaw: ArticleQueries.changedAt)) AS changed FROM tags g JOIN article_tags t ON t.tag_id = g.id JOIN articles a ON a.id = t.article_id"
            case .categories:
                "SELECT g.slug, g.name, MAX(\(unsafeRaw: ArticleQueries.changedAt)) AS changed FROM categories g JOIN articles a ON a.category_id = g.id"
            case .sources:
                "SELECT g.slug, g.name, MAX(\(unsafeRaw: ArticleQueries.changedAt)) AS changed FROM sources g JOIN articles a ON a.source_id = g.id"
            case .authors:
                "SELECT g.slug, g.name, MAX(\(unsafeRaw: ArticleQueries.changedAt)) AS changed FROM authors g JOIN articles a ON a.author_id = g.id"
            }
        return try await database.read { db in
            try await db.raw(
                join + " WHERE " + ArticleQueries.visible(now: now)
                    + " GROUP BY g.slug, g.name ORDER BY g.slug LIMIT \(literal: limit)"
            ).all().map { row in
                SitemapEntry(
                    day: nil, slug: try row.slug("slug"), lastModified: try row.date("changed"),
                    title: try row.string("name"), publishedAt: nil)
            }
        }
    }

    public enum SitemapSubject: Sendable {
        case tags, categories, sources, authors
    }

    /// Any article by id, whatever its status, for editors and importers.
    public func find(id: Int64) async throws -> ArticleDetails? {
        try await details(where: " WHERE a.id = \(bind: id)")
    }

    func details(where condition: SQLQueryString) async throws -> ArticleDetails? {
        try await database.read { db in
            guard let row = try await db.raw(ArticleQueries.detailSelect + condition).first() else { return nil }
            let summary = try ArticleQueries.summary(row)
            let tags = try await db.raw(
                """
                SELECT g.id, g.name, g.slug FROM article_tags t JOIN tags g ON g.id = t.tag_id
                WHERE t.article_id = \(bind: summary.id) ORDER BY t.position, g.name
                """
            ).all().map { Tag(id: try $0.int64("id"), name: try $0.string("name"), slug: try $0.slug("slug")) }
            let corrections = try await db.raw(
                "SELECT noted_at, note FROM corrections WHERE article_id = \(bind: summary.id) ORDER BY noted_at, id"
            ).all().map { Correction(notedAt: try $0.date("noted_at"), note: try $0.string("note")) }
            return try ArticleQueries.details(row, tags: tags, corrections: corrections)
        }
    }
}
