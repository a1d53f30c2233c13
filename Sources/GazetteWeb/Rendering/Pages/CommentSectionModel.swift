import Mustache

/// The comments under an article and the form to add one.
package struct CommentSectionModel: Sendable {
    /// "3 Comments", "1 Comment" or "No comments yet".
    package let heading: String
    package let count: Int
    package let hasComments: Bool
    package let comments: [CommentModel]
    package let pager: PagerModel?
    package let form: CommentFormModel?
    /// Shown instead of the form when comments are closed.
    package let closedMessage: String?
    /// What a reader typed before finding comments closed, handed back so nothing is lost.
    package let keptComment: String?
    /// Set when the page comes back after a rejected comment: a summary shown at the top of the page.
    package let problemSummary: String?
}

/// One comment and its replies; fields are never optional, because a missing value in a nested
/// Mustache section would be looked up in the enclosing comment instead.
package struct CommentModel: Sendable {
    package let id: String
    package let anchor: String
    package let authorName: String
    package let hasAuthorURL: Bool
    package let authorURL: String
    package let date: DateModel
    package let permalink: String
    package let bodyHTML: String
    package let canReply: Bool
    package let replyURL: String
    package let isPending: Bool
    /// Written from the newsroom by a member of staff.
    package let isStaff: Bool
    /// 1 for a top-level comment, as WordPress themes expect in `depth-N` classes.
    package let level: Int
    package let replies: [CommentModel]
    package let hasReplies: Bool
}

/// The "Leave a Reply" form, with what the reader typed and any messages next to the fields.
package struct CommentFormModel: Sendable {
    package let action: String
    package let heading: String
    package let replyingTo: String?
    package let cancelReplyURL: String?
    package let articleID: String
    package let parentID: String
    package let token: String
    package let generalError: String?
    package let author: FieldModel
    package let email: FieldModel
    package let url: FieldModel
    package let comment: FieldModel
    package let remember: Bool
    /// "Notify me of follow-up comments by email" stays ticked after an error.
    package let follow: Bool
    package var followSite: Bool = false
    package let maxAuthor: Int
    package let maxEmail: Int
    package let maxURL: Int
    package let maxComment: Int
}

/// A form field's value and its error message, if any.
package struct FieldModel: Sendable {
    package let value: String
    /// `email`/`url` normally; `text` when echoing a value that is not one, which those types may not hold.
    package let inputType: String
    package let error: String?
    package let errorID: String
}

extension CommentSectionModel: MustacheParent {
    package func child(named name: String) -> Any? {
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
    package func child(named name: String) -> Any? {
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
        case "isStaff": self.isStaff
        case "level": self.level
        case "replies": self.replies
        case "hasReplies": self.hasReplies
        default: nil
        }
    }
}

extension CommentFormModel: MustacheParent {
    package func child(named name: String) -> Any? {
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
        case "follow": self.follow
        case "followSite": self.followSite
        case "maxAuthor": self.maxAuthor
        case "maxEmail": self.maxEmail
        case "maxURL": self.maxURL
        case "maxComment": self.maxComment
        default: nil
        }
    }
}

extension FieldModel: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "value": self.value
        case "inputType": self.inputType
        case "error": self.error
        case "errorID": self.errorID
        default: nil
        }
    }
}
