import Foundation
import GazetteContent

/// A feed, whatever its format: what the RSS, Atom and JSON Feed writers turn into text. Every address in it
/// is absolute, from the configured public base URL.
package struct Feed: Sendable {
    package var title: String
    package var subtitle: String
    package var homeURL: String
    /// The feed's own address, in the format being written.
    package var selfURL: String
    package var language: String
    /// The newest change among the entries (or now, for an empty feed).
    package var updated: Date
    package var entries: [FeedEntry]
}

package struct FeedEntry: Sendable {
    /// The permalink, which is also the entry's stable id.
    package var url: String
    package var title: String
    package var summary: String
    /// The body as HTML, with the source attribution and corrections kept in the text.
    package var contentHTML: String
    package var authorName: String
    package var authorURL: String
    package var published: Date
    package var updated: Date
    package var categories: [String]
    package var source: FeedSource?
    /// The featured image, absolute.
    package var imageURL: String?

    /// The featured image's type, from its address's extension (every stored upload is named by its
    /// sniffed format); nil when the extension says nothing.
    package var imageType: String? {
        guard let imageURL, let dot = imageURL.lastIndex(of: ".") else { return nil }
        let ext = imageURL[imageURL.index(after: dot)...].lowercased()
        return ImageFormat.allCases.first { $0.fileExtension == ext || $0.rawValue == ext }?.mimeType
    }
}

/// The outlet a syndicated article comes from.
package struct FeedSource: Sendable {
    package var name: String
    /// The original article.
    package var originalURL: String
    /// This site's feed of the outlet's articles, for RSS's `<source url=…>`.
    package var feedURL: String
}
