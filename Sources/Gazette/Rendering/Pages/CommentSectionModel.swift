/// The comments under an article and the form to add one.
struct CommentSectionModel: Sendable {
    /// "3 Comments", "1 Comment" or "No comments yet".
    let heading: String
    let count: Int
    let hasComments: Bool
    let comments: [CommentModel]
    let pager: PagerModel?
    let form: CommentFormModel?
    /// Shown instead of the form when comments are closed.
    let closedMessage: String?
    /// What a reader typed before finding comments closed, handed back so nothing is lost.
    let keptComment: String?
    /// Set when the page comes back after a rejected comment: a summary shown at the top of the page.
    let problemSummary: String?
}

/// One comment and its replies; fields are never optional, because a missing value in a nested
/// Mustache section would be looked up in the enclosing comment instead.
struct CommentModel: Sendable {
    let id: String
    let anchor: String
    let authorName: String
    let hasAuthorURL: Bool
    let authorURL: String
    let date: DateModel
    let permalink: String
    let bodyHTML: String
    let canReply: Bool
    let replyURL: String
    let isPending: Bool
    /// 1 for a top-level comment, as WordPress themes expect in `depth-N` classes.
    let level: Int
    let replies: [CommentModel]
    let hasReplies: Bool
}

/// The "Leave a Reply" form, with what the reader typed and any messages next to the fields.
struct CommentFormModel: Sendable {
    let action: String
    let heading: String
    let replyingTo: String?
    let cancelReplyURL: String?
    let articleID: String
    let parentID: String
    let token: String
    let generalError: String?
    let author: FieldModel
    let email: FieldModel
    let url: FieldModel
    let comment: FieldModel
    let remember: Bool
    let maxAuthor: Int
    let maxEmail: Int
    let maxURL: Int
    let maxComment: Int
}

/// A form field's value and its error message, if any.
struct FieldModel: Sendable {
    let value: String
    /// `email`/`url` normally; `text` when echoing a value that is not one, which those types may not hold.
    let inputType: String
    let error: String?
    let errorID: String
}
