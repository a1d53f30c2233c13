/// What a person may do in the newsroom, with WordPress-like rights.
public enum Role: String, Sendable, CaseIterable, Codable {
    /// Everything, including people and settings.
    case admin
    /// All articles, tags and comments.
    case editor
    /// Publishes their own articles and uploads media.
    case author
    /// Writes drafts and submits them for review.
    case contributor
}
