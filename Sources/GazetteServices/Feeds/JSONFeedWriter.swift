import Foundation

/// JSON Feed 1.1 (https://jsonfeed.org/version/1.1), written with Foundation's encoder.
package enum JSONFeedWriter {
    package struct Document: Encodable {
        package let version = "https://jsonfeed.org/version/1.1"
        package let title: String
        package let description: String
        package let homePageURL: String
        package let feedURL: String
        package let language: String
        package let items: [Item]

        package enum CodingKeys: String, CodingKey {
            case version, title, description, language, items
            case homePageURL = "home_page_url"
            case feedURL = "feed_url"
        }
    }

    package struct Item: Encodable {
        package let id: String
        package let url: String
        package let externalURL: String?
        package let title: String
        package let summary: String?
        package let contentHTML: String
        package let image: String?
        package let datePublished: String
        package let dateModified: String
        package let authors: [Author]
        package let tags: [String]?

        package enum CodingKeys: String, CodingKey {
            case id, url, title, summary, image, authors, tags
            case externalURL = "external_url"
            case contentHTML = "content_html"
            case datePublished = "date_published"
            case dateModified = "date_modified"
        }
    }

    package struct Author: Encodable {
        package let name: String
        package let url: String
    }

    package static func write(_ feed: Feed) -> String {
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
