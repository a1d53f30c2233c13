import Foundation

/// What a WordPress eXtended RSS export (WXR 1.0, 1.1, 1.2) holds, as the reader finds it: plain values,
/// dates still in WordPress's own text, nothing interpreted yet.
public enum WXR {
    /// The exporting site, from the channel's header.
    public struct Site: Sendable, Equatable {
        public var title = ""
        public var link = ""
        public var baseSiteURL = ""
        public var baseBlogURL = ""
        public var version = ""
    }

    public struct Author: Sendable, Equatable {
        public var id = ""
        public var login = ""
        public var email = ""
        public var displayName = ""
        public var firstName = ""
        public var lastName = ""
    }

    public struct Category: Sendable, Equatable {
        public var termID = ""
        public var slug = ""
        public var parentSlug = ""
        public var name = ""
        public var description = ""
    }

    public struct Tag: Sendable, Equatable {
        public var termID = ""
        public var slug = ""
        public var name = ""
    }

    /// A `<category domain="…" nicename="…">` of an item: its categories, tags and other taxonomies.
    public struct Term: Sendable, Equatable {
        public var domain: String
        public var slug: String
        public var name: String
    }

    public struct Comment: Sendable, Equatable {
        public var id = ""
        public var author = ""
        public var email = ""
        public var url = ""
        public var ip = ""
        public var date = ""
        public var dateGMT = ""
        public var content = ""
        /// "1" approved, "0" pending, "spam", "trash".
        public var approved = ""
        /// "" or "comment" for comments; "pingback" and "trackback" for the others.
        public var type = ""
        public var parentID = ""
        public var userID = ""
    }

    /// A post, page, attachment or other item.
    public struct Item: Sendable, Equatable {
        public var title = ""
        public var link = ""
        public var guid = ""
        public var creator = ""
        public var content = ""
        public var excerpt = ""
        public var postID = ""
        public var postDate = ""
        public var postDateGMT = ""
        public var postName = ""
        public var status = ""
        public var postType = ""
        public var parentID = ""
        public var commentStatus = ""
        public var isSticky = false
        public var attachmentURL = ""
        public var terms: [Term] = []
        public var meta: [String: String] = [:]
        public var comments: [Comment] = []
    }

    /// One piece of the export, handed over as soon as it has been read.
    public enum Entry: Sendable, Equatable {
        case site(Site)
        case author(Author)
        case category(Category)
        case tag(Tag)
        case item(Item)
    }

    /// Why a file could not be read, with where, for a person to find it.
    public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var line: Int?
        public var column: Int?

        public var description: String {
            guard let line else { return message }
            return "line \(line), column \(column ?? 0): \(message)"
        }
    }
}
