import Foundation
import GazetteContent

/// The buttons at the foot of the editor, chosen by the person's role and the article's state, and the status
/// each one gives the article. "Publish" with a publication time still ahead schedules it, as its label says.
package enum EditorAction: String, Sendable, CaseIterable {
    case saveDraft = "draft"
    case submit = "review"
    case publish
    case schedule
    case publishNow = "publish-now"
    /// Saves the changes and keeps the article where it is (published, scheduled, waiting for review).
    case update
    case unpublish

    /// The buttons offered, the safe one first (it is also what Enter in a text field presses).
    /// `scheduling` is whether the publication time typed is still ahead.
    package static func offered(role: Role, current: ArticleStatus?, scheduling: Bool) -> [EditorAction] {
        let publishOrSchedule: EditorAction = scheduling ? .schedule : .publish
        guard role.can(.publishOwn) else {
            switch current {
            case nil, .draft, .trashed: return [.saveDraft, .submit]
            case .pending: return [.update, .saveDraft]
            case .published, .scheduled: return []
            }
        }
        switch current {
        case nil, .draft, .trashed: return [.saveDraft, publishOrSchedule]
        case .pending: return [.update, publishOrSchedule, .saveDraft]
        case .scheduled: return [.update, .publishNow, .unpublish]
        case .published: return [.update, .unpublish]
        }
    }

    /// The button's words for an article in `current` state.
    package func label(current: ArticleStatus?) -> String {
        switch self {
        case .saveDraft: current == .pending ? "Back to drafts" : "Save draft"
        case .submit: "Submit for review"
        case .publish: "Publish"
        case .schedule: "Schedule"
        case .publishNow: "Publish now"
        case .update:
            switch current {
            case .scheduled: "Update schedule"
            case .pending: "Save, still for review"
            default: "Update"
            }
        case .unpublish: current == .scheduled ? "Unschedule" : "Unpublish"
        }
    }

    /// Whether the button changes what readers see (drawn as the main button).
    package var isPrimary: Bool {
        switch self {
        case .publish, .schedule, .publishNow, .submit: true
        case .update, .saveDraft, .unpublish: false
        }
    }

    /// The status a save with this button gives an article now in `current`, with the publication time typed.
    package func status(current: ArticleStatus?, publishedAt: Date?, now: Date) -> ArticleStatus {
        switch self {
        case .saveDraft, .unpublish: .draft
        case .submit: .pending
        case .publish: (publishedAt.map { $0 > now } ?? false) ? .scheduled : .published
        case .schedule: .scheduled
        case .publishNow: .published
        case .update:
            switch current {
            case nil, .trashed: .draft
            case .some(let status): status
            }
        }
    }
}
