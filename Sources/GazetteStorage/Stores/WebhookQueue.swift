import Foundation
import GazetteContent
import SQLKit

/// Queues webhook deliveries inside the transaction of the change that causes them, as `OutboxStore` does
/// for mail: a delivery exists exactly when its change was committed. The article and comment stores hold
/// one (set where the stores are built), so every way of publishing or moderating queues the same events.
public struct WebhookQueue: Sendable {
    /// Writes the exact body of one delivery (the services know the site's address and JSON shape).
    public typealias Writer = @Sendable (WebhookMessage) -> String

    let writer: Writer
    /// How long deliveries are tried before they are given up.
    let triesFor: TimeInterval

    public init(triesFor: TimeInterval = 86_400, writer: @escaping Writer) {
        self.writer = writer
        self.triesFor = triesFor
    }

    /// One delivery per active endpoint subscribed to `event`; nothing when none is.
    func queue(_ event: WebhookEvent, about subject: WebhookSubject, now: Date, in db: any SQLDatabase) async throws {
        let endpoints = try await db.raw(
            """
            SELECT id FROM webhook_endpoints
            WHERE active = 1 AND events LIKE \(bind: "% " + event.rawValue + " %") ORDER BY id
            """
        ).all().map { try $0.int64("id") }
        for endpoint in endpoints {
            let message = WebhookMessage(id: WebhookMessage.newID(), event: event, createdAt: now, subject: subject)
            try await db.raw(
                """
                INSERT INTO webhook_deliveries (endpoint_id, delivery_key, event, payload, created_at,
                    next_attempt_at, give_up_at)
                VALUES (\(bind: endpoint), \(bind: message.id), \(bind: event.rawValue), \(bind: writer(message)),
                    \(bind: now.storedSeconds), \(bind: now.storedSeconds),
                    \(bind: now.addingTimeInterval(triesFor).storedSeconds))
                """
            ).run()
        }
    }

    /// The article's event after a save, read back as readers now know it.
    func queueArticle(_ event: WebhookEvent, id: Int64, now: Date, in db: any SQLDatabase) async throws {
        guard let article = try await Self.article(id: id, in: db) else { return }
        try await queue(event, about: .article(article), now: now, in: db)
    }

    static func article(id: Int64, in db: any SQLDatabase) async throws -> WebhookArticle? {
        guard
            let row = try await db.raw(
                """
                SELECT a.id, a.title, a.publish_day, a.slug, a.status, a.published_at, a.updated_at,
                    au.name AS author_name, au.slug AS author_slug
                FROM articles a JOIN authors au ON au.id = a.author_id WHERE a.id = \(bind: id)
                """
            ).first(),
            let day = PublicationDay(isoDate: try row.string("publish_day")),
            let status = ArticleStatus(rawValue: try row.string("status"))
        else { return nil }
        return WebhookArticle(
            id: try row.int64("id"), title: try row.string("title"), day: day, slug: try row.slug("slug"),
            status: status, publishedAt: try row.optionalDate("published_at"), updatedAt: try row.date("updated_at"),
            authorName: try row.string("author_name"), authorSlug: try row.string("author_slug"))
    }
}
