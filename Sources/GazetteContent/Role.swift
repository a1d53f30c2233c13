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

extension Role {
    /// Higher for roles with more rights: contributor 0 up to admin 3.
    public var rank: Int {
        switch self {
        case .contributor: 0
        case .author: 1
        case .editor: 2
        case .admin: 3
        }
    }
}
