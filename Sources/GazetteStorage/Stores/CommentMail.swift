import Foundation
import GazetteContent
import SQLKit

/// The emails a stored or moderated comment causes, queued in the same transaction: moderators hear of a
/// held one (`StaffNoticeStore`), readers following the discussion of an approved one (`SubscriberStore`).
public struct CommentMail: Sendable {
    public var staff: StaffNoticeStore.Writer?
    public var readers: SubscriberStore.Writer?

    public init(staff: StaffNoticeStore.Writer? = nil, readers: SubscriberStore.Writer? = nil) {
        self.staff = staff
        self.readers = readers
    }

    func queue(about comment: Comment, now: Date, in db: any SQLDatabase) async throws {
        switch comment.status {
        case .pending:
            if let staff { try await StaffNoticeStore.queueHeld(comment, writer: staff, now: now, in: db) }
        case .approved:
            if let readers { try await SubscriberStore.queueCommentNews(comment, writer: readers, now: now, in: db) }
        case .spam, .trash:
            break
        }
    }
}
