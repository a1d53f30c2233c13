import Mustache

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

extension CommentSectionModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": self.heading
        case "count": self.count
        case "hasComments": self.hasComments
        case "comments": self.comments
        case "pager": self.pager
        case "form": self.form
        case "closedMessage": self.closedMessage
        case "keptComment": self.keptComment
        case "problemSummary": self.problemSummary
        default: nil
        }
    }
}

extension CommentModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "anchor": self.anchor
        case "authorName": self.authorName
        case "hasAuthorURL": self.hasAuthorURL
        case "authorURL": self.authorURL
        case "date": self.date
        case "permalink": self.permalink
        case "bodyHTML": self.bodyHTML
        case "canReply": self.canReply
        case "replyURL": self.replyURL
        case "isPending": self.isPending
        case "level": self.level
        case "replies": self.replies
        case "hasReplies": self.hasReplies
        default: nil
        }
    }
}

extension CommentFormModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "action": self.action
        case "heading": self.heading
        case "replyingTo": self.replyingTo
        case "cancelReplyURL": self.cancelReplyURL
        case "articleID": self.articleID
        case "parentID": self.parentID
        case "token": self.token
        case "generalError": self.generalError
        case "author": self.author
        case "email": self.email
        case "url": self.url
        case "comment": self.comment
        case "remember": self.remember
        case "maxAuthor": self.maxAuthor
        case "maxEmail": self.maxEmail
        case "maxURL": self.maxURL
        case "maxComment": self.maxComment
        default: nil
        }
    }
}

extension FieldModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "value": self.value
        case "inputType": self.inputType
        case "error": self.error
        case "errorID": self.errorID
        default: nil
        }
    }
}
