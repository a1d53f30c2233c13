import Foundation
import GazetteContent

/// What `gazette import wxr` did: counts of each kind, what it left out and why, and what a person should
/// look at (shortcodes kept as text, people who need a link to sign in).
public struct WordPressImportReport: Sendable {
    public var siteTitle = ""
    public var articles = 0
    public var pages = 0
    /// Posts and pages an earlier run already brought in, left as they are.
    public var alreadyImported = 0
    public var byStatus: [ArticleStatus: Int] = [:]
    public var comments = 0
    public var commentsAlreadyImported = 0
    /// Replies whose parent was not in the export, now top-level comments.
    public var orphanedReplies = 0
    public var redirects = 0
    public var categories = 0
    public var tags = 0
    public var attachments = 0
    /// With `--fetch-media`: images copied into the library, not found in the folder, or not accepted.
    public var mediaCopied = 0
    public var mediaNotFound = 0
    public var mediaRefused = 0
    public var sticky = 0
    public var authorsMatched = 0
    /// People created without a password, each with a one-time link to choose one.
    public var newAuthors: [NewAuthor] = []
    public var skipped: [Skip] = []
    /// Remarks about items that were imported, changed a little on the way.
    public var notes: [Skip] = []
    /// Shortcodes left in bodies as text, with how many posts use each.
    public var unknownShortcodes: [String: Int] = [:]

    public struct NewAuthor: Sendable, Equatable {
        public var name: String
        public var email: String
        public var link: String
    }

    /// An item named for a person ("post 12 “Hello”") and what happened to it.
    public struct Skip: Sendable, Equatable, CustomStringConvertible {
        public var item: String
        public var reason: String
        public var description: String { "\(item): \(reason)" }
    }

    /// The lines `gazette import wxr` prints.
    public var summary: [String] {
        let source = siteTitle.isEmpty ? "" : " from “\(siteTitle)”"
        let statuses: [String] = ArticleStatus.allCases.compactMap { status in
            byStatus[status].map { "\($0.formatted()) \(status.label.lowercased())" }
        }
        let orphans =
            orphanedReplies > 0 ? " (\(count(orphanedReplies, "reply")) without its parent made top-level)" : ""
        let taxonomy = "\(count(categories, "category")), \(count(tags, "tag"))"
        var lines: [String] = []
        lines.append("Imported \(count(articles, "article")) and \(count(pages, "page"))\(source).")
        lines.append("  By status: " + (statuses.isEmpty ? "none" : statuses.joined(separator: ", ")))
        lines.append("  \(count(comments, "comment"))\(orphans)")
        lines.append("  \(taxonomy), \(count(attachments, "attachment")) kept as addresses")
        lines.append("  \(count(redirects, "old address", plural: "old addresses")) now redirect to the new ones")
        lines.append(
            "  \(count(newAuthors.count, "new author")), \(count(authorsMatched, "author")) already on the site")
        if alreadyImported > 0 || commentsAlreadyImported > 0 {
            lines.append(
                "  Already imported before, left as they are: \(count(alreadyImported, "post or page", plural: "posts and pages")), "
                    + count(commentsAlreadyImported, "comment"))
        }
        if mediaCopied + mediaNotFound + mediaRefused > 0 {
            lines.append(
                "  \(count(mediaCopied, "image")) copied into the media library; \(mediaNotFound.formatted()) not in "
                    + "the folder and \(mediaRefused.formatted()) not accepted (not images, or over 10 MB) keep their addresses"
            )
        }
        if sticky > 0 {
            lines.append("  \(count(sticky, "sticky post")): Gazette does not pin posts; they are ordinary articles")
        }
        if !unknownShortcodes.isEmpty {
            let names = unknownShortcodes.sorted { $0.key < $1.key }.map { "[\($0.key)] in \(count($0.value, "post"))" }
            lines.append("  Shortcodes kept as text (edit these posts): " + names.joined(separator: ", "))
        }
        return lines
    }

    private func count(_ number: Int, _ noun: String, plural: String? = nil) -> String {
        let plural =
            plural ?? (noun.hasSuffix("y") && !noun.hasSuffix("ey") ? noun.dropLast() + "ies" : noun + "s")
        return "\(number.formatted()) \(number == 1 ? noun : plural)"
    }
}
