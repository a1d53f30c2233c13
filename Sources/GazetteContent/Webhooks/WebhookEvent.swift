/// What a webhook endpoint can be told of. The raw values are the public names receivers see in the
/// payload's `event` and the `Gazette-Event` header; they never change.
public enum WebhookEvent: String, Sendable, CaseIterable {
    case articlePublished = "article.published"
    /// A published article saved again.
    case articleUpdated = "article.updated"
    /// A published article taken down: back to draft or review, scheduled again, or trashed.
    case articleUnpublished = "article.unpublished"
    /// Any new comment, whatever its moderation status.
    case commentPosted = "comment.posted"
    case commentApproved = "comment.approved"

    /// A sentence for the newsroom's checkboxes.
    public var summary: String {
        switch self {
        case .articlePublished: "An article is published (at once or on schedule)"
        case .articleUpdated: "A published article is saved again"
        case .articleUnpublished: "A published article is taken down or trashed"
        case .commentPosted: "A comment is posted (whether held, approved or spam)"
        case .commentApproved: "A comment is approved"
        }
    }

    /// The event an article's save causes, from whether readers could see it before and after; nil when
    /// readers saw no change of that kind (a draft saved again, a schedule set).
    public static func afterSave(wasPublic: Bool, isPublic: Bool) -> WebhookEvent? {
        switch (wasPublic, isPublic) {
        case (false, true): .articlePublished
        case (true, true): .articleUpdated
        case (true, false): .articleUnpublished
        case (false, false): nil
        }
    }
}
