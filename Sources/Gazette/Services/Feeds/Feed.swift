import Foundation

/// A feed, whatever its format: what the RSS, Atom and JSON Feed writers turn into text. Every address in it
/// is absolute, from the configured public base URL.
struct Feed: Sendable {
    var title: String
    var subtitle: String
    var homeURL: String
    /// The feed's own address, in the format being written.
    var selfURL: String
    var language: String
    /// The newest change among the entries (or now, for an empty feed).
    var updated: Date
    var entries: [FeedEntry]
}

struct FeedEntry: Sendable {
    /// The permalink, which is also the entry's stable id.
    var url: String
    var title: String
    var summary: String
    /// The body as HTML, with the source attribution and corrections kept in the text.
    var contentHTML: String
    var authorName: String
    var authorURL: String
    var published: Date
    var updated: Date
    var categories: [String]
    var source: FeedSource?
    var imageURL: String?
}

/// The outlet a syndicated article comes from.
struct FeedSource: Sendable {
    var name: String
    /// The original article.
    var originalURL: String
    /// This site's feed of the outlet's articles, for RSS's `<source url=…>`.
    var feedURL: String
}
