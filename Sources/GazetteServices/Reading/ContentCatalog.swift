import Foundation
import GazetteContent
import GazetteStorage

/// What the Content API reads: published pieces, their terms, authors and approved comments, in lists that
/// page by position rather than by number, so a page stays put while the newsroom publishes.
public struct ContentCatalog: Sendable {
    private let articles: ArticleStore
    private let authors: AuthorStore
    private let terms: TermStore
    private let comments: CommentStore
    private let search: SearchStore
    private let redirects: RedirectStore
    private let clock: Clock

    public init(
        articles: ArticleStore, authors: AuthorStore, terms: TermStore, comments: CommentStore, search: SearchStore,
        redirects: RedirectStore, clock: Clock
    ) {
        self.articles = articles
        self.authors = authors
        self.terms = terms
        self.comments = comments
        self.search = search
        self.redirects = redirects
        self.clock = clock
    }

    /// Up to `limit` published pieces of the listing, newest first, after `position`.
    public func articles(
        _ listing: ArticleListing, after position: ListPosition?, limit: Int
    ) async throws
        -> [ArticleSummary]
    {
        try await articles.published(listing, after: position, limit: limit, now: clock.now())
    }

    /// One page of the articles matching `query`, best first.
    public func search(_ query: SearchQuery, page: PageRequest) async throws -> Page<SearchHit> {
        try await search.search(query, page: page, now: clock.now())
    }

    /// The filter for articles with this tag, category, author or source; nil when it names nothing.
    public func filter(_ subject: ArchiveKey) async throws -> ArticleFilter? {
        switch subject {
        case .tag(let slug): try await terms.tag(slug: slug).map { .tag(id: $0.id) }
        case .category(let slug): try await terms.category(slug: slug).map { .category(id: $0.id) }
        case .author(let slug): try await authors.find(slug: slug).map { .author(id: $0.id) }
        case .source(let slug): try await terms.source(slug: slug).map { .source(id: $0.id) }
        case .period(let period): .days(from: period.firstDay, before: period.dayAfter)
        }
    }

    /// A published article or page, whole.
    public func article(id: Int64) async throws -> ArticleDetails? {
        try await articles.published(id: id, now: clock.now())
    }

    /// The published piece at a path of the site: its own address, or an old one that redirects to it.
    public func article(atPath path: String) async throws -> ArticleDetails? {
        let now = clock.now()
        if case .article(let day, let slug)? = SiteRoute(path: path),
            let found = try await articles.published(day: day, slug: slug, now: now)
        {
            return found
        }
        guard let moved = try await redirects.target(forPath: path, now: now) else { return nil }
        return try await articles.published(id: moved.id, now: now)
    }

    /// The byline's public side, with bio and portrait.
    public func author(id: Int64) async throws -> PublicAuthor? {
        try await authors.published(id: id, now: clock.now())
    }

    public func terms(_ kind: TermStore.TermKind, after slug: String?, limit: Int) async throws -> [TermCount] {
        try await terms.withArticles(kind, after: slug, limit: limit, now: clock.now())
    }

    public func authors(after slug: String?, limit: Int) async throws -> [PublicAuthor] {
        try await authors.withArticles(after: slug, limit: limit, now: clock.now())
    }

    /// Approved comments of a published article, oldest first; nil when the article is not out.
    public func comments(
        articleID: Int64, after position: ListPosition?, limit: Int
    ) async throws
        -> [ApprovedComment]?
    {
        // The article's summary is enough to know it is out; its body is not read for a list of comments.
        let now = clock.now()
        guard let summary = try await articles.summary(id: articleID), summary.status == .published,
            let published = summary.publishedAt, published <= now
        else { return nil }
        return try await comments.approved(articleID: articleID, after: position, limit: limit)
    }
}
