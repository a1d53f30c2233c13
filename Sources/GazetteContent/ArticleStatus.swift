/// Where an article is in its life. Only `published` articles are ever shown to readers.
public enum ArticleStatus: String, Sendable, CaseIterable, Codable {
    case draft
    /// Submitted for review by a contributor, waiting for an editor.
    case pending
    case scheduled
    case published
    case trashed

    /// How the newsroom names the status.
    public var label: String {
        switch self {
        case .draft: "Draft"
        case .pending: "Pending review"
        case .scheduled: "Scheduled"
        case .published: "Published"
        case .trashed: "Trash"
        }
    }

    /// Parses a status as a person or a front-matter file writes it ("Published", " draft ").
    public init?(lenient text: String) {
        self.init(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased())
    }
}

/// Whether readers may comment on an article.
public enum CommentStatus: String, Sendable, CaseIterable, Codable {
    case open
    case closed
}
