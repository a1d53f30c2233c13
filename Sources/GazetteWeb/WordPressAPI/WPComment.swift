import Foundation
import GazetteContent
import GazetteServices

/// An approved comment in WordPress's shape. Built from `ApprovedComment`, which holds no email or address;
/// WordPress's `author_avatar_urls` are left out, since they are made from the email.
struct WPComment: Sendable, Encodable, Equatable {
    var id: Int64
    var post: Int64
    var parent: Int64
    /// A reader has no account: 0, as WordPress writes for a guest.
    var author = 0
    var authorName: String
    var authorUrl: String
    var date: String
    var dateGmt: String
    var content: WPRendered
    var link: String
    var status = "approved"
    var type = "comment"
    var meta: [String] = []
    var links: [String: [WPLink]]

    enum CodingKeys: String, CodingKey {
        case id, post, parent, author, authorName, authorUrl, date, dateGmt, content, link, status, type, meta
        case links = "_links"
    }

    init(_ comment: ApprovedComment, in context: WPContext) {
        let urls = context.addresses
        id = comment.id
        post = comment.articleID
        parent = comment.parentID ?? 0
        authorName = comment.authorName
        authorUrl = comment.authorURL
        date = context.dates.local(comment.createdAt)
        dateGmt = context.dates.gmt(comment.createdAt)
        content = WPRendered(CommentText.html(comment.body))
        link = urls.site.absolute(.article(day: comment.articleDay, slug: comment.articleSlug)) + "#comment-\(id)"
        var links: [String: [WPLink]] = [
            "self": urls.link(urls.item("comments", id)),
            "collection": urls.link(urls.collection("comments")),
            "up": [WPLink(href: urls.item("posts", comment.articleID), embeddable: true)],
        ]
        if let parentID = comment.parentID {
            links["in-reply-to"] = urls.link(urls.item("comments", parentID), embeddable: true)
        }
        self.links = links
    }
}
