import Foundation

/// What a reader typed into the comment form, exactly as sent, so it can be shown back after an error.
public struct CommentForm: Sendable, Equatable {
    public var articleID: String
    public var parentID: String
    public var author: String
    public var email: String
    public var url: String
    public var comment: String
    /// Ticked "Save my name, email, and website in this browser for the next time I comment."
    public var remember: Bool
    /// Ticked "Notify me of follow-up comments by email."
    public var follow: Bool
    /// Ticked "Notify me of new articles by email."
    public var followSite: Bool = false

    public init(
        articleID: String = "", parentID: String = "", author: String = "", email: String = "", url: String = "",
        comment: String = "", remember: Bool = false, follow: Bool = false
    ) {
        self.follow = follow
        self.articleID = articleID
        self.parentID = parentID
        self.author = author
        self.email = email
        self.url = url
        self.comment = comment
        self.remember = remember
    }

    /// Field limits, in characters, as WordPress readers know them (the form's `maxlength` uses the same).
    public enum Limit {
        public static let author = 245
        public static let email = 100
        public static let url = 200
        public static let comment = 20_000
    }

    /// Checks the reader's fields and returns them cleaned; every problem is named with its field.
    public func validated() throws(ValidationErrors) -> ValidComment {
        var errors = ValidationErrors()
        let author = Self.removingControls(author).trimmingCharacters(in: .whitespacesAndNewlines)
        let email = Self.removingControls(email).trimmingCharacters(in: .whitespacesAndNewlines)
        var url = Self.removingControls(url).trimmingCharacters(in: .whitespacesAndNewlines)
        let body = Self.removingControls(Self.normalizeLineEndings(comment))
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if author.isEmpty {
            errors.add("author", "Please enter your name.")
        } else if author.count > Limit.author {
            errors.add("author", "Your name is too long: at most \(Limit.author) characters.")
        }
        if email.isEmpty {
            errors.add("email", "Please enter your email address. It will not be published.")
        } else if email.count > Limit.email || !EmailAddress.isPlausible(email) {
            errors.add("email", "Please enter a valid email address, such as jane@example.com.")
        }
        if !url.isEmpty {
            if !url.contains("://") { url = "https://" + url }
            if url.count > Limit.url {
                errors.add("url", "The website address is too long: at most \(Limit.url) characters.")
            } else if !WebAddress.isHTTP(url) {
                errors.add(
                    "url", "Please enter a website address starting with http:// or https://, or leave it empty.")
            }
        }
        if body.isEmpty {
            errors.add("comment", "Please type your comment.")
        } else if body.count > Limit.comment {
            errors.add(
                "comment", "Your comment is too long: at most \(Limit.comment) characters (it has \(body.count)).")
        }
        var parent: Int64? = nil
        if !parentID.isEmpty && parentID != "0" {
            if let number = Int64(parentID), number > 0 {
                parent = number
            } else {
                errors.add("parent_id", "The comment you are replying to could not be found.")
            }
        }
        try errors.throwIfAny()
        return ValidComment(
            parentID: parent, authorName: author, authorEmail: email.lowercased(), authorURL: url, body: body)
    }

    static func normalizeLineEndings(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// Drops control characters other than line breaks and tabs: they have no place in a comment, and
    /// PostgreSQL refuses NUL in text.
    static func removingControls(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.filter { scalar in
                    scalar == "\n" || scalar == "\t" || !(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
                }))
    }
}

/// A comment's reader-supplied fields after validation.
public struct ValidComment: Sendable, Equatable {
    public var parentID: Int64?
    public var authorName: String
    public var authorEmail: String
    public var authorURL: String
    public var body: String
}
