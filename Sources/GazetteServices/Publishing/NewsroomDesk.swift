import Foundation
import GazetteContent
import GazetteStorage

/// What a person finds on the newsroom's dashboard: their drafts, what waits for an editor, what comes out
/// next, what was published lately, the comments held for moderation with their articles, and (for
/// admins) the latest activity. Each list is limited to what the person's role may open.
public struct NewsroomDesk: Sendable {
    private let articles: ArticleStore
    private let comments: CommentService
    private let audit: AuditLog
    private let clock: Clock
    /// How many items each list shows; each links to the full list.
    public static let listLength = 5

    public init(articles: ArticleStore, comments: CommentService, audit: AuditLog, clock: Clock) {
        self.articles = articles
        self.comments = comments
        self.audit = audit
        self.clock = clock
    }

    /// A comment held for moderation, with the headline of its article.
    public struct HeldComment: Sendable {
        public var comment: Comment
        public var articleTitle: String
    }

    public struct Overview: Sendable {
        /// The person's own drafts, latest changed first.
        public var myDrafts: [ArticleSummary]
        /// Articles submitted for review: everyone's for those who publish others' work, else the person's own.
        public var forReview: [ArticleSummary]
        /// Scheduled articles, the next first (everyone's, or the person's own).
        public var scheduled: [ArticleSummary]
        public var recentlyPublished: [ArticleSummary]
        /// nil for people who do not moderate.
        public var heldComments: [HeldComment]?
        public var heldCount: Int
        public var spamCount: Int
        /// The audit log's latest lines, for admins; nil for others.
        public var activity: [AuditEvent]?
        public var counts: [ArticleStatus: Int]
    }

    /// The headlines of these articles, in one query.
    public func headlines(ids: Set<Int64>) async throws -> [Int64: String] {
        try await articles.titles(ids: ids)
    }

    public func overview(for person: Author) async throws -> Overview {
        let role = person.role
        let anyone = role.can(.editAnyArticle)
        let own = anyone ? nil : person.id
        let length = Self.listLength
        let first = PageRequest(number: 1, size: length)!
        async let drafts = articles.newsroomPage(status: .draft, authorID: person.id, search: "", page: first)
        async let review = articles.newsroomPage(status: .pending, authorID: own, search: "", page: first)
        async let upcoming = articles.upcoming(limit: length, authorID: own)
        async let published = articles.recentlyPublished(limit: length, authorID: own)
        async let counts = articles.countsByStatus(authorID: own)
        var held: [HeldComment]? = nil
        var moderation: [ModerationStatus: Int] = [:]
        if role.can(.moderateComments) {
            moderation = try await comments.counts()
            let list = try await comments.list(status: .pending, limit: length)
            let titles = try await articles.titles(ids: Set(list.map(\.articleID)))
            held = list.map { HeldComment(comment: $0, articleTitle: titles[$0.articleID] ?? "") }
        }
        var activity: [AuditEvent]? = nil
        if role.can(.manageSettings) {
            activity = try await audit.page(AuditFilter(), first).items
        }
        return Overview(
            myDrafts: try await drafts.items, forReview: try await review.items, scheduled: try await upcoming,
            recentlyPublished: try await published, heldComments: held, heldCount: moderation[.pending] ?? 0,
            spamCount: moderation[.spam] ?? 0, activity: activity, counts: try await counts)
    }
}
