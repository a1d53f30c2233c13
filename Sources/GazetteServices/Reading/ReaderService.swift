import Foundation
import GazetteContent
import GazetteStorage

/// What readers can look up: the front page, articles and archives. Only published articles exist here.
public struct ReaderService: Sendable {
    private let articles: ArticleStore
    private let authors: AuthorStore
    private let terms: TermStore
    private let redirects: RedirectStore
    private let clock: Clock
    private let site: LiveSiteSettings
    /// How many articles "Latest Posts" lists under an article.
    private let latestCount: Int
    private var timeZone: TimeZone { site.current.timeZone }
    private var pageSize: Int { site.current.articlesPerPage }

    public init(
        articles: ArticleStore, authors: AuthorStore, terms: TermStore, redirects: RedirectStore, clock: Clock,
        site: LiveSiteSettings, latestCount: Int = 5
    ) {
        self.articles = articles
        self.authors = authors
        self.terms = terms
        self.redirects = redirects
        self.clock = clock
        self.site = site
        self.latestCount = latestCount
    }

    /// Page `number` of the newest articles; nil when there is no such page.
    public func frontPage(number: Int) async throws -> Page<ArticleSummary>? {
        try await page(.all, number: number)
    }

    /// The result of looking up an article address.
    public enum ArticleLookup: Sendable {
        case found(ArticleDetails, latest: [ArticleSummary])
        /// The slug exists on another day: the reader should be sent to the right address.
        case movedTo(ArticleSummary)
        case notFound
    }

    public func article(day: PublicationDay, slug: Slug) async throws -> ArticleLookup {
        let now = clock.now()
        if let details = try await articles.published(day: day, slug: slug, now: now) {
            let latest = try await articles.latest(
                limit: latestCount, excluding: details.summary.id, now: now)
            return .found(details, latest: latest)
        }
        if let elsewhere = try await articles.published(slug: slug, now: now) {
            return .movedTo(elsewhere)
        }
        return .notFound
    }

    /// The published article an old address (a previous slug or date, an imported permalink) leads to.
    public func redirect(forPath path: String) async throws -> ArticleSummary? {
        try await redirects.target(forPath: path, now: clock.now())
    }

    /// The address parts of an article by id, for redirects.
    public func articleSummary(id: Int64) async throws -> ArticleSummary? {
        try await articles.summary(id: id)
    }

    /// The newest articles for "Latest Posts", leaving out the one being read.
    public func latest(excluding articleID: Int64) async throws -> [ArticleSummary] {
        try await articles.latest(limit: latestCount, excluding: articleID, now: clock.now())
    }

    /// An archive's subject and one page of its articles; nil when either does not exist.
    public func archive(_ subject: ArchiveKey, number: Int) async throws -> Archive? {
        guard let (subject, filter) = try await resolve(subject), let page = try await page(filter, number: number)
        else { return nil }
        if case .period = subject, page.totalItems == 0 { return nil }
        return Archive(subject: subject, page: page)
    }

    /// What an archive address names, and the filter for its articles; nil when it names nothing.
    public func resolve(_ subject: ArchiveKey) async throws -> (ArchiveSubject, ArticleFilter)? {
        let resolved: (ArchiveSubject, ArticleFilter)?
        switch subject {
        case .tag(let slug):
            resolved = try await terms.tag(slug: slug).map { (.tag($0), .tag(id: $0.id)) }
        case .category(let slug):
            resolved = try await terms.category(slug: slug).map { (.category($0), .category(id: $0.id)) }
        case .author(let slug):
            resolved = try await authors.find(slug: slug).map {
                (
                    .author(Byline(name: $0.name, slug: $0.slug), bio: $0.bio, portraitURL: $0.avatarURL),
                    .author(id: $0.id)
                )
            }
        case .source(let slug):
            resolved = try await terms.source(slug: slug).map { (.source($0), .source(id: $0.id)) }
        case .period(let period):
            resolved = (.period(period), .days(from: period.firstDay, before: period.dayAfter))
        }
        return resolved
    }

    /// The newest published articles of a filter, whole, for feeds.
    public func newest(_ filter: ArticleFilter, limit: Int) async throws -> [ArticleDetails] {
        try await articles.newestWithBodies(filter, limit: limit, now: clock.now())
    }

    private func page(_ filter: ArticleFilter, number: Int) async throws -> Page<ArticleSummary>? {
        guard let request = PageRequest(number: number, size: pageSize) else { return nil }
        let page = try await articles.published(filter, page: request, now: clock.now())
        return page.exists ? page : nil
    }
}
