import Foundation
import GazetteContent
import GazetteServices
import HTTPTypes
import Hummingbird

/// `POST /comments`: one service call, then a 303 to the new comment, or the form back with every field kept.
package struct CommentController: Sendable {
    package let comments: CommentService
    package let reader: ReaderService
    package let articlePage: ArticlePageResponder
    package let renderer: PageRenderer
    /// Cookies get `Secure` when the site is served over https.
    package let secureCookies: Bool
    package let clientAddress: ClientAddress

    package init(
        comments: CommentService, reader: ReaderService, articlePage: ArticlePageResponder, renderer: PageRenderer,
        secureCookies: Bool, clientAddress: ClientAddress
    ) {
        self.comments = comments
        self.reader = reader
        self.articlePage = articlePage
        self.renderer = renderer
        self.secureCookies = secureCookies
        self.clientAddress = clientAddress
    }

    /// The hidden field people never see and bots fill in.
    package static let honeypotField = "gazette_trap"

    /// `GET /comments?article=ID`, the address of a page that answered a comment post, opened again: back
    /// to the article's comment form (the front page when there is no such article).
    package func reopen(_ request: Request) async throws -> Response {
        let id = request.uri.queryParameters["article"].flatMap { Int64(String($0)) }
        guard let id, let summary = try await reader.articleSummary(id: id), summary.status == .published else {
            return PageRenderer.redirect(to: SiteURL.home, permanent: false)
        }
        return PageRenderer.redirect(to: renderer.models.urls.article(summary) + "#respond", permanent: false)
    }

    package func post(_ request: Request, context: GazetteRequestContext) async throws -> Response {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: context.maxUploadSize)
        } catch {
            return renderer.error(
                .contentTooLarge, heading: "Your comment is too long",
                message: "The comment form accepts at most \(CommentForm.Limit.comment) characters. "
                    + "Go back to shorten your comment; your browser should still have your text.")
        }
        let fields = FormBody(String(buffer: body))
        var form = CommentForm(
            articleID: fields["article_id"], parentID: fields["parent_id"], author: fields["author"],
            email: fields["email"], url: fields["url"], comment: fields["comment"],
            remember: fields["remember"] == "yes", follow: fields["follow"] == "yes")
        form.followSite = fields["follow_site"] == "yes"
        let submission = CommentService.Submission(
            ip: clientAddress.resolve(peer: context.clientIP, forwardedFor: request.headers[.xForwardedFor]),
            userAgent: request.headers[.userAgent] ?? "", honeypot: fields[Self.honeypotField],
            formToken: fields["form_token"])
        let result: CommentService.PostResult
        do {
            result = try await comments.post(form, submission: submission)
        } catch {
            // Whatever failed below (a busy or unreachable database), the reader keeps their text.
            context.logger.error("Could not store a comment: \(String(reflecting: error))")
            let model = CommentErrorModel(
                site: renderer.models.site,
                head: renderer.models.head(title: "Comment not posted", description: "", route: nil, noIndex: true),
                message:
                    "We could not save your comment just now. Your text is below: copy it and try again in a moment.",
                comment: form.comment)
            return renderer.html(model, candidates: ["comment-error", "error"], status: .serviceUnavailable)
        }
        switch result {
        case .accepted(let comment, let day, let slug):
            return accepted(
                comment, articleURL: renderer.models.urls.path(.article(day: day, slug: slug)), form: form,
                request: request)
        case .rejected(let problem):
            return try await rejected(problem, form: form, token: submission.formToken, request: request)
        }
    }

    private func accepted(_ comment: Comment, articleURL: String, form: CommentForm, request: Request) -> Response {
        var response = PageRenderer.redirect(to: articleURL + "#comment-\(comment.id)", permanent: false)
        if comment.status != .approved {
            let earlier = comments.pendingIDs(fromCookie: request.cookies[PendingCommentsCookie.name]?.value)
            response.setCookie(
                cookie(
                    PendingCommentsCookie.name, comments.pendingCookieValue(ids: earlier + [comment.id]),
                    maxAge: 7 * 86_400))
        }
        if form.remember {
            response.setCookie(
                cookie(CommenterCookie.name, CommenterCookie.value(for: form), maxAge: CommenterCookie.maxAge))
        } else if request.cookies[CommenterCookie.name] != nil {
            response.setCookie(cookie(CommenterCookie.name, "", maxAge: 0))
        }
        return response
    }

    private func rejected(
        _ problem: CommentProblem, form: CommentForm, token: String, request: Request
    ) async throws
        -> Response
    {
        let status: HTTPResponse.Status =
            switch problem.kind {
            case .articleUnavailable: .notFound
            case .closed: .forbidden
            case .duplicate: .conflict
            case .flood: .tooManyRequests
            case .invalid, .parentUnavailable, .tooDeep: .unprocessableContent
            }
        guard let article = problem.article else {
            let model = CommentErrorModel(
                site: renderer.models.site,
                head: renderer.models.head(title: "Comment not posted", description: "", route: nil, noIndex: true),
                message: problem.general ?? "", comment: form.comment)
            return renderer.html(model, candidates: ["comment-error", "error"], status: status)
        }
        var state = CommentModelBuilder.FormState(values: form, errors: problem.fields, generalError: problem.general)
        if comments.isValidFormToken(token, articleID: article.summary.id) { state.token = token }
        if let parent = Int64(form.parentID), problem.kind != .parentUnavailable {
            state.replyTo = try await comments.replyTarget(id: parent, articleID: article.summary.id)
        }
        let latest = try await reader.latest(excluding: article.summary.id)
        return try await articlePage.respond(article, latest: latest, request: request, form: state, status: status)
    }

    private func cookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: name, value: value, maxAge: maxAge, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax)
    }
}
