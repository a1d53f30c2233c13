import Foundation
import GazetteContent
import GazetteServices

/// Builds the comment section's view models: the threaded tree, the pager and the form.
package struct CommentModelBuilder {
    package let dates: DateText
    package let articleURL: String
    package let articleID: Int64
    package let pageNumber: Int

    /// What the form shows: the reader's typed values (after an error, or remembered), messages, reply target.
    package struct FormState {
        package var values = CommentForm()
        package var errors = ValidationErrors()
        package var generalError: String? = nil
        package var replyTo: Comment? = nil
        /// The signed timestamp the reader's form was first shown with; kept across errors so that correcting
        /// a mistake does not restart the "posted too fast" clock.
        package var token: String? = nil
    }

    package func section(_ section: CommentSection, form: FormState, token: String) -> CommentSectionModel {
        let count = section.approvedCount
        let isOpen = section.closedReason == nil
        let tree = threads(section, repliesOpen: isOpen)
        // A reader's own comment awaiting moderation is shown to them alone: "No comments yet" above it
        // would read as if it were lost.
        let heading =
            count == 0
            ? (tree.isEmpty ? "No comments yet" : "Comments") : count == 1 ? "1 Comment" : "\(count) Comments"
        let page = section.threads.page
        let pager = PagerModel(page: page, label: "Comment page") { pageURL($0) + "#comments" }
        return CommentSectionModel(
            heading: heading, count: count, hasComments: !tree.isEmpty, comments: tree, pager: pager,
            form: isOpen ? formModel(form, token: token) : nil, closedMessage: section.closedReason,
            keptComment: isOpen || form.values.comment.isEmpty ? nil : form.values.comment,
            problemSummary: form.errors.isEmpty && form.generalError == nil
                ? nil : "Your comment was not posted yet: please check the comment form.")
    }

    private func pageURL(_ number: Int) -> String {
        number == 1 ? articleURL : articleURL + "?cpage=\(number)"
    }

    private func threads(_ section: CommentSection, repliesOpen: Bool) -> [CommentModel] {
        let approved = section.threads.roots + section.threads.replies
        let known = Set(approved.map(\.id))
        var children: [Int64: [Comment]] = [:]
        var roots = section.threads.roots
        for reply in section.threads.replies {
            children[reply.parentID ?? 0, default: []].append(reply)
        }
        for own in section.ownPending where !known.contains(own.id) {
            if let parent = own.parentID, known.contains(parent) {
                children[parent, default: []].append(own)
            } else if section.rules.newestFirst {
                roots.insert(own, at: 0)
            } else {
                roots.append(own)
            }
        }
        func model(_ comment: Comment, depth: Int) -> CommentModel {
            let replies = (children[comment.id] ?? []).map { model($0, depth: depth + 1) }
            let canReply = repliesOpen && comment.status == .approved && depth + 1 < section.rules.threadDepth
            return CommentModel(
                id: String(comment.id), anchor: "comment-\(comment.id)", authorName: comment.authorName,
                hasAuthorURL: !comment.authorURL.isEmpty, authorURL: comment.authorURL,
                date: DateModel(iso: dates.iso(comment.createdAt), text: dates.longWithTime(comment.createdAt)),
                permalink: pageURL(pageNumber) + "#comment-\(comment.id)", bodyHTML: CommentText.html(comment.body),
                canReply: canReply, replyURL: articleURL + "?replytocom=\(comment.id)#respond",
                isPending: comment.status != .approved, isStaff: comment.staffAuthorID != nil, level: depth + 1,
                replies: replies, hasReplies: !replies.isEmpty
            )
        }
        return roots.map { model($0, depth: 0) }
    }

    private func formModel(_ state: FormState, token: String) -> CommentFormModel {
        func field(_ name: String, _ typed: String, type: String = "text") -> FieldModel {
            // A one-line input cannot hold line breaks (browsers drop them too).
            let value = name == "comment" ? typed : typed.split(whereSeparator: \.isNewline).joined(separator: " ")
            let fits =
                switch type {
                case "email": value.isEmpty || EmailAddress.isPlausible(value)
                case "url": value.isEmpty || WebAddress.isHTTP(value)
                default: true
                }
            return FieldModel(
                value: value, inputType: fits ? type : "text", error: state.errors.message(for: name),
                errorID: "\(name)-error")
        }
        let replyName = state.replyTo?.authorName
        return CommentFormModel(
            // The article in the address too: a page answering the post can be reloaded or bookmarked.
            action: SiteURL.commentsEndpoint + "?article=\(articleID)",
            heading: replyName.map { "Leave a Reply to \($0)" } ?? "Leave a Reply",
            replyingTo: replyName, cancelReplyURL: replyName == nil ? nil : articleURL + "#respond",
            articleID: String(articleID), parentID: state.replyTo.map { String($0.id) } ?? "0",
            token: state.token ?? token,
            generalError: state.generalError ?? state.errors.message(for: "parent_id"),
            author: field("author", state.values.author), email: field("email", state.values.email, type: "email"),
            url: field("url", state.values.url, type: "url"), comment: field("comment", state.values.comment),
            remember: state.values.remember, follow: state.values.follow,
            followSite: state.values.followSite, maxAuthor: CommentForm.Limit.author,
            maxEmail: CommentForm.Limit.email,
            maxURL: CommentForm.Limit.url, maxComment: CommentForm.Limit.comment)
    }
}
