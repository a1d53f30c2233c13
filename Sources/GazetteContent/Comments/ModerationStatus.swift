/// Where a reader's comment stands. Only `approved` comments are public.
public enum ModerationStatus: String, Sendable, CaseIterable, Codable {
    case pending
    case approved
    case spam
    case trash
}

/// What a moderator can do to a comment.
public enum ModerationAction: String, Sendable, CaseIterable {
    case approve
    case unapprove
    case spam
    case trash
    case restore

    /// The status a comment ends up with.
    public var resultingStatus: ModerationStatus {
        switch self {
        case .approve: .approved
        case .unapprove, .restore: .pending
        case .spam: .spam
        case .trash: .trash
        }
    }
}
