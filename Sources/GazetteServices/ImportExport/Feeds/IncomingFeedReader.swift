import Foundation

/// Reads a feed of any supported format from its bytes.
package enum IncomingFeedReader {
    package static func read(_ data: Data) throws -> IncomingFeed {
        guard !data.isEmpty else { throw IncomingFeed.ReadError(message: "The feed is empty.") }
        if JSONFeedReader.isJSONFeed(data) { return try JSONFeedReader.read(data) }
        let head = String(decoding: data.prefix(512), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if head.hasPrefix("{") {
            throw IncomingFeed.ReadError(
                message: "This is JSON but not a JSON Feed (it names no jsonfeed.org version).")
        }
        if head.lowercased().hasPrefix("<!doctype html") || head.lowercased().hasPrefix("<html") {
            throw IncomingFeed.ReadError(
                message: "This is a web page, not a feed. Look in its source for <link rel=\"alternate\" "
                    + "type=\"application/rss+xml\"> and use that address.")
        }
        return try XMLFeedReader.read(data)
    }
}
