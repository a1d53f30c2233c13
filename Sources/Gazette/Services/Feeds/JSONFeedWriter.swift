import Foundation

/// JSON Feed 1.1 (https://jsonfeed.org/version/1.1), written with Foundation's encoder.
enum JSONFeedWriter {
    struct Document: Encodable {
        let version = "https://jsonfeed.org/version/1.1"
        let title: String
        let description: String
        let homePageURL: String
        let feedURL: String
        let language: String
        let items: [Item]

        enum CodingKeys: String, CodingKey {
            case version, title, description, language, items
            case homePageURL = "home_page_url"
            case feedURL = "feed_url"
        }
    }

    struct Item: Encodable {
        let id: String
        let url: String
        let externalURL: String?
        let title: String
        let summary: String?
        let contentHTML: String
        let image: String?
        let datePublished: String
        let dateModified: String
        let authors: [Author]
        let tags: [String]?

        enum CodingKeys: String, CodingKey {
            case id, url, title, summary, image, authors, tags
            case externalURL = "external_url"
            case contentHTML = "content_html"
            case datePublished = "date_published"
            case dateModified = "date_modified"
        }
    }

    struct Author: Encodable {
        let name: String
        let url: String
    }

    static func write(_ feed: Feed) -> String {
        let document = Document(
            title: feed.title, description: feed.subtitle, homePageURL: feed.homeURL, feedURL: feed.selfURL,
            language: feed.language,
            items: feed.entries.map { entry in
                Item(
                    id: entry.url, url: entry.url,
                    externalURL: entry.source.flatMap { $0.originalURL.isEmpty ? nil : $0.originalURL },
                    title: entry.title, summary: entry.summary.isEmpty ? nil : entry.summary,
                    contentHTML: entry.contentHTML, image: entry.imageURL,
                    datePublished: FeedDates.rfc3339(entry.published),
                    dateModified: FeedDates.rfc3339(entry.updated),
                    authors: [Author(name: entry.authorName, url: entry.authorURL)],
                    tags: entry.categories.isEmpty ? nil : entry.categories)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document) else { return "{}" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
