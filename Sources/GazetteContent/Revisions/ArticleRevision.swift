import Foundation

/// What an article said after one save: the words a reader sees, who saved them and when.
///
/// Like WordPress, a revision keeps the text (headline, dek, body, excerpt); restoring one brings the text
/// back and leaves tags, image and dates as they are now.
public struct ArticleRevision: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var articleID: Int64
    /// The article's revision number right after this save.
    public var number: Int
    public var savedAt: Date
    /// Nil when the save came from a command or an import rather than a person in the newsroom.
    public var savedBy: String?
    public var title: String
    public var dek: String
    public var bodyMarkdown: String
    /// The trust of the body's HTML when it was saved; restoring it brings back no more than that.
    public var bodyTrust: HTMLTrust
    public var excerpt: String
    public var status: ArticleStatus
    /// Why the revision exists when it is not an ordinary save, such as "Restored revision 3".
    public var note: String
    /// Every other field the save set; nil for revisions saved before these were kept.
    public var details: RevisionDetails?

    public init(
        id: Int64, articleID: Int64, number: Int, savedAt: Date, savedBy: String?, title: String, dek: String,
        bodyMarkdown: String, excerpt: String, status: ArticleStatus, note: String, bodyTrust: HTMLTrust = .untrusted,
        details: RevisionDetails? = nil
    ) {
        self.details = details
        self.bodyTrust = bodyTrust
        self.id = id
        self.articleID = articleID
        self.number = number
        self.savedAt = savedAt
        self.savedBy = savedBy
        self.title = title
        self.dek = dek
        self.bodyMarkdown = bodyMarkdown
        self.excerpt = excerpt
        self.status = status
        self.note = note
    }
}
