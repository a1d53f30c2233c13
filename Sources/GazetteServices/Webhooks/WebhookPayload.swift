import Foundation
import GazetteContent

/// Writes a delivery's body: `{"id", "event", "created_at", "data"}`, where data is the article's or the
/// comment's public shape. Written once when queued and sent byte for byte, so a signature and "send again"
/// always cover the same bytes.
package struct WebhookPayload: Sendable {
    let urls: SiteURL

    package init(urls: SiteURL) {
        self.urls = urls
    }

    package func body(_ message: WebhookMessage) -> String {
        let data: Data
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        switch message.subject {
        case .article(let article):
            data = (try? encoder.encode(Envelope(message, data: ArticleData(article, urls: urls)))) ?? Data()
        case .comment(let comment):
            data = (try? encoder.encode(Envelope(message, data: CommentData(comment)))) ?? Data()
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func time(_ date: Date) -> String { date.formatted(.iso8601) }

    private struct Envelope<Subject: Encodable>: Encodable {
        let id: String
        let event: String
        let createdAt: String
        let data: Subject

        init(_ message: WebhookMessage, data: Subject) {
            id = message.id
            event = message.event.rawValue
            createdAt = WebhookPayload.time(message.createdAt)
            self.data = data
        }

        enum CodingKeys: String, CodingKey {
            case id, event, data
            case createdAt = "created_at"
        }
    }

    private struct ArticleData: Encodable {
        let id: Int64
        let title: String
        let url: String
        let path: String
        let status: String
        let publishedAt: String?
        let updatedAt: String
        let author: Author

        struct Author: Encodable {
            let name: String
            let slug: String
        }

        init(_ article: WebhookArticle, urls: SiteURL) {
            id = article.id
            title = article.title
            path = article.path
            url = urls.absolute(path: article.path)
            status = article.status.rawValue
            publishedAt = article.publishedAt.map(WebhookPayload.time)
            updatedAt = WebhookPayload.time(article.updatedAt)
            author = Author(name: article.authorName, slug: article.authorSlug)
        }

        enum CodingKeys: String, CodingKey {
            case id, title, url, path, status, author
            case publishedAt = "published_at"
            case updatedAt = "updated_at"
        }

        // Written by hand so a missing publication time is `null` rather than left out.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(title, forKey: .title)
            try container.encode(url, forKey: .url)
            try container.encode(path, forKey: .path)
            try container.encode(status, forKey: .status)
            try container.encode(publishedAt, forKey: .publishedAt)
            try container.encode(updatedAt, forKey: .updatedAt)
            try container.encode(author, forKey: .author)
        }
    }

    /// Name, status and date only: a reader's email and IP address never leave the newsroom.
    private struct CommentData: Encodable {
        let id: Int64
        let articleID: Int64
        let parentID: Int64?
        let status: String
        let authorName: String
        let date: String

        init(_ comment: WebhookComment) {
            id = comment.id
            articleID = comment.articleID
            parentID = comment.parentID
            status = comment.status.rawValue
            authorName = comment.authorName
            date = WebhookPayload.time(comment.createdAt)
        }

        enum CodingKeys: String, CodingKey {
            case id, status, date
            case articleID = "article_id"
            case parentID = "parent_id"
            case authorName = "author_name"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(articleID, forKey: .articleID)
            try container.encode(parentID, forKey: .parentID)
            try container.encode(status, forKey: .status)
            try container.encode(authorName, forKey: .authorName)
            try container.encode(date, forKey: .date)
        }
    }
}
