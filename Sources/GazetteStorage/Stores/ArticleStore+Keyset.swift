import Foundation
import GazetteContent
import SQLKit

/// Which published pieces a list of the API shows: an archive's filter, news or pages, a time span.
public struct ArticleListing: Sendable, Equatable {
    public var filter: ArticleFilter
    public var kind: ArticleKind
    /// Published at or after this time.
    public var publishedFrom: Date?
    /// Published before this time.
    public var publishedBefore: Date?

    public init(
        filter: ArticleFilter = .all, kind: ArticleKind = .article, publishedFrom: Date? = nil,
        publishedBefore: Date? = nil
    ) {
        self.filter = filter
        self.kind = kind
        self.publishedFrom = publishedFrom
        self.publishedBefore = publishedBefore
    }

    var condition: SQLQueryString {
        var condition: SQLQueryString = " AND a.kind = \(bind: kind.rawValue)" + filter.condition
        if let publishedFrom { condition = condition + " AND a.published_at >= \(bind: publishedFrom.storedSeconds)" }
        if let publishedBefore {
            condition = condition + " AND a.published_at < \(bind: publishedBefore.storedSeconds)"
        }
        return condition
    }
}

/// Where a list ordered by time stands: the time (whole seconds) and id of the last item a page held.
/// The next page starts after it, so pages stay put while items are added (no offset that shifts).
public struct ListPosition: Sendable, Equatable {
    public var time: Int64
    public var id: Int64

    public init(time: Int64, id: Int64) {
        self.time = time
        self.id = id
    }

    public init(time: Date, id: Int64) {
        self.init(time: time.storedSeconds, id: id)
    }
}

extension ArticleStore {
    /// Up to `limit` published pieces of the listing, newest first, starting after `position`.
    public func published(
        _ listing: ArticleListing, after position: ListPosition?, limit: Int, now: Date
    ) async throws -> [ArticleSummary] {
        var condition = ArticleQueries.visible(now: now) + listing.condition
        if let position {
            condition =
                condition
                + " AND (a.published_at < \(bind: position.time)"
                + " OR (a.published_at = \(bind: position.time) AND a.id < \(bind: position.id)))"
        }
        let visible = condition
        return try await database.read { db in
            try await db.raw(
                ArticleQueries.summarySelect + " WHERE " + visible
                    + " ORDER BY a.published_at DESC, a.id DESC LIMIT \(literal: limit)"
            ).all().map(ArticleQueries.summary)
        }
    }

    /// The published article or page with this number, with everything its page shows.
    public func published(id: Int64, now: Date) async throws -> ArticleDetails? {
        try await details(where: " WHERE a.id = \(bind: id) AND " + ArticleQueries.visible(now: now))
    }
}
