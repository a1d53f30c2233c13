import Foundation

/// Another outlet's feed as read, whatever its format (RSS 0.9x, 1.0 or 2.0, Atom 0.3 or 1.0, JSON Feed):
/// plain values, HTML not yet cleaned.
public struct IncomingFeed: Sendable, Equatable {
    public var title = ""
    /// The outlet's home page, when the feed names it.
    public var link = ""
    public var entries: [Entry] = []

    public struct Entry: Sendable, Equatable {
        /// The feed's own id for the entry (RSS `guid`, Atom `id`, JSON Feed `id`); may be empty.
        public var id = ""
        /// The original article.
        public var link = ""
        /// Plain text or HTML, as the feed has it.
        public var title = ""
        /// The full content when the feed carries it, else its summary; HTML.
        public var html = ""
        public var summary = ""
        public var published: Date?
        public var updated: Date?
        public var author = ""
        public var categories: [String] = []
        public var imageURL = ""

        /// What makes the entry the same one on the next run: its id, else its link, else its title.
        public var identity: String {
            let id = self.id.trimmingCharacters(in: .whitespacesAndNewlines)
            if !id.isEmpty { return id }
            let link = self.link.trimmingCharacters(in: .whitespacesAndNewlines)
            return link.isEmpty ? title.trimmingCharacters(in: .whitespacesAndNewlines) : link
        }
    }

    /// Why a feed could not be read, in words for the person who asked for it.
    public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
