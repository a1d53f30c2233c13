import Foundation
import GazetteContent
import GazetteStorage

/// What a public API may list: published articles and pages, the tags and categories, the people who have
/// published something and approved comments. Every answer is as of the clock's now, so a scheduled
/// article appears when it comes out and not before.
public struct PublicCatalog: Sendable {
    private let articles: ArticleStore
    private let terms: TermStore
    private let authors: AuthorStore
    private let comments: CommentStore
    private let clock: Clock

    public init(articles: ArticleStore, terms: TermStore, authors: AuthorStore, comments: CommentStore, clock: Clock) {
        self.articles = articles
        self.terms = terms
        self.authors = authors
        self.comments = comments
        self.clock = clock
    }

    /// Published articles (or pages, by the query's kind), whole.
    public func articles(_ query: ListingQuery, page: PageRequest) async throws -> Page<ArticleDetails> {
        try await articles.published(query, page: page, now: clock.now())
    }

    public func article(id: Int64, kind: ArticleKind) async throws -> ArticleDetails? {
        try await articles.published(id: id, kind: kind, now: clock.now())
    }

    public func terms(
        _ kind: TermStore.ListedKind, _ query: ListingQuery, page: PageRequest
    ) async throws -> Page<
        TermListing
    > {
        try await terms.listing(kind, query, page: page, now: clock.now())
    }

    public func term(_ kind: TermStore.ListedKind, id: Int64) async throws -> TermListing? {
        try await terms.listing(kind, id: id, now: clock.now())
    }

    /// Only people with something published: the others are nobody's business.
    public func authors(_ query: ListingQuery, page: PageRequest) async throws -> Page<PublicAuthor> {
        try await authors.published(query, page: page, now: clock.now())
    }

    public func author(id: Int64) async throws -> PublicAuthor? {
        try await authors.published(id: id, now: clock.now())
    }

    /// The published authors with these ids, in one query (for embedding bylines in a list).
    public func authors(ids: Set<Int64>) async throws -> [Int64: PublicAuthor] {
        guard !ids.isEmpty, let page = PageRequest(number: 1, size: min(ids.count, 500)) else { return [:] }
        var query = ListingQuery()
        query.ids = ids.sorted()
        let found = try await authors.published(query, page: page, now: clock.now()).items
        return Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func comments(_ query: ListingQuery, page: PageRequest) async throws -> Page<ApprovedComment> {
        try await comments.approved(query, page: page, now: clock.now())
    }

    public func comment(id: Int64) async throws -> ApprovedComment? {
        try await comments.approved(id: id, now: clock.now())
    }
}
