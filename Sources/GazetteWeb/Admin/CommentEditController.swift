import Foundation
import GazetteContent
import GazetteServices
import GazetteStorage
import HTTPTypes
import Hummingbird

/// One comment in the newsroom: correct it, or answer it as staff (the answer is approved at once).
package struct CommentEditController: Sendable {
    package let renderer: AdminRenderer
    package let comments: CommentService
    package let articles: ArticleStore
    package let urls: SiteURL
    package let site: LiveSiteSettings

    package init(
        renderer: AdminRenderer, comments: CommentService, articles: ArticleStore, urls: SiteURL,
        site: LiveSiteSettings
    ) {
        self.renderer = renderer
        self.comments = comments
        self.articles = articles
        self.urls = urls
        self.site = site
    }

    package func show(_ request: Request, id: Int64, context: NewsroomContext) async throws -> Response {
        let user = context.user
        let comment = try await find(id)
        let notice = request.uri.queryParameters["done"].flatMap { Self.notices[String($0)] }
        return try await page(comment, user: user, notice: notice)
    }

    package func update(_ request: Request, id: Int64, context: NewsroomFormContext) async throws -> Response {
        let (user, posted) = (context.user, context.form)
        let fields = posted.fields
        let comment = try await find(id)
        do {
            try await comments.edit(
                id: id, author: fields["author"], email: fields["email"], url: fields["url"], text: fields["comment"])
        } catch let errors as ValidationErrors {
            return try await page(
                comment, user: user, typed: fields, errors: errors, status: .unprocessableContent)
        }
        return PageRenderer.redirect(to: AdminURL.comment(id).path + "?done=saved", permanent: false)
    }

    package func reply(_ request: Request, id: Int64, context: NewsroomFormContext) async throws -> Response {
        let (user, posted) = (context.user, context.form)
        let fields = posted.fields
        let comment = try await find(id)
        guard comment.status == .approved || comment.status == .pending else {
            return try await page(
                comment, user: user, replyText: fields["reply"],
                replyError: "Restore this comment before answering it.", status: .unprocessableContent)
        }
        do {
            let reply = try await comments.staffReply(to: comment, from: user.author, text: fields["reply"])
            return PageRenderer.redirect(to: AdminURL.comment(reply.id).path + "?done=replied", permanent: false)
        } catch let errors as ValidationErrors {
            return try await page(
                comment, user: user, replyText: fields["reply"], replyError: errors.message(for: "comment"),
                status: .unprocessableContent)
        } catch let rejection as CommentRejection {
            let message =
                rejection == .duplicate
                ? "This exact reply is already there." : "The reply could not be attached to this comment."
            return try await page(
                comment, user: user, replyText: fields["reply"], replyError: message, status: .unprocessableContent)
        }
    }

    package static let notices = ["saved": "Comment saved.", "replied": "Your reply is published."]

    private func page(
        _ comment: Comment, user: SignedInUser, typed: FormBody? = nil, errors: ValidationErrors = ValidationErrors(),
        replyText: String = "", replyError: String? = nil, notice: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let article = try await articles.summary(id: comment.articleID)
        func field(_ name: String, _ stored: String) -> EditorField {
            EditorField(value: typed.map { $0[name] } ?? stored, error: errors.message(for: name))
        }
        return renderer.page(
            CommentEditPage(
                chrome: renderer.chrome(
                    title: "Comment by \(comment.authorName)", user: user, current: "comments", notice: notice),
                id: String(comment.id), status: comment.status.rawValue.capitalized,
                date: site.dates.longWithTime(comment.createdAt), articleTitle: article?.title ?? "a deleted article",
                articleURL: article.flatMap {
                    $0.status == .published ? urls.article($0) + "#comment-\(comment.id)" : nil
                },
                queueURL: AdminURL.comments(status: comment.status).path,
                generalError: errors.isEmpty ? nil : "The comment was not saved: see the messages below.",
                author: field("author", comment.authorName), email: field("email", comment.authorEmail),
                url: field("url", comment.authorURL), text: field("comment", comment.body),
                reply: EditorField(value: replyText, error: replyError), isHeld: comment.status == .pending),
            status: status)
    }

    private func find(_ id: Int64) async throws -> Comment {
        guard let comment = try await comments.find(id: id) else { throw HTTPError(.notFound) }
        return comment
    }
}
