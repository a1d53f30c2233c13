/// Where an article is in its life. Only `published` articles are ever shown to readers.
public enum ArticleStatus: String, Sendable, CaseIterable, Codable {
    case draft
    case scheduled
    case published
    case trashed

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
