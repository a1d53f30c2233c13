import Foundation

/// Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), leniently: unknown fields are ignored
/// and every field may be missing.
package enum JSONFeedReader {
    private struct Document: Decodable {
        var version: String?
        var title: String?
        var homePageURL: String?
        var items: [Item]?

        enum CodingKeys: String, CodingKey {
            case version, title, items
            case homePageURL = "home_page_url"
        }
    }

    private struct Author: Decodable {
        var name: String?
    }

    private struct Item: Decodable {
        var id: FlexibleString?
        var url: String?
        var externalURL: String?
        var title: String?
        var contentHTML: String?
        var contentText: String?
        var summary: String?
        var image: String?
        var datePublished: String?
        var dateModified: String?
        var author: Author?
        var authors: [Author]?
        var tags: [String]?

        enum CodingKeys: String, CodingKey {
            case id, url, title, summary, image, author, authors, tags
            case externalURL = "external_url"
            case contentHTML = "content_html"
            case contentText = "content_text"
            case datePublished = "date_published"
            case dateModified = "date_modified"
        }
    }

    /// Ids are strings in the specification, and numbers in some feeds.
    private struct FlexibleString: Decodable {
        var value: String
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                value = text
            } else {
                value = String(try container.decode(Int64.self))
            }
        }
    }

    package static func isJSONFeed(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(400), as: UTF8.self)
        return head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }.first == "{" && head.contains("jsonfeed.org/version")
    }

    package static func read(_ data: Data) throws -> IncomingFeed {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch {
            throw IncomingFeed.ReadError(message: "The JSON Feed could not be read: \(Self.explain(error)).")
        }
        var feed = IncomingFeed(title: document.title ?? "", link: document.homePageURL ?? "")
        for item in document.items ?? [] {
            var entry = IncomingFeed.Entry()
            entry.id = item.id?.value ?? ""
            entry.link = item.url ?? item.externalURL ?? ""
            entry.title = item.title ?? ""
            entry.html = item.contentHTML ?? item.contentText.map(XMLFeedReader.paragraphs) ?? ""
            entry.summary = item.summary.map(HTMLText.escape) ?? ""
            entry.imageURL = item.image ?? ""
            entry.published = item.datePublished.flatMap(IncomingFeedDates.parse)
            entry.updated = item.dateModified.flatMap(IncomingFeedDates.parse)
            entry.author = item.authors?.compactMap(\.name).joined(separator: ", ") ?? item.author?.name ?? ""
            entry.categories = item.tags ?? []
            feed.entries.append(entry)
        }
        return feed
    }

    private static func explain(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context): context.debugDescription
        case DecodingError.typeMismatch(_, let context):
            "\(context.codingPath.map(\.stringValue).joined(separator: ".")) has the wrong type"
        default: "it is not valid JSON"
        }
    }
}
