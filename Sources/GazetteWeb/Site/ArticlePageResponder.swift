import Foundation
import GazetteContent
import GazetteServices
import HTTPTypes
import Hummingbird

/// Renders an article page with its comment section, for a reader's GET and after a rejected comment.
package struct ArticlePageResponder: Sendable {
    package let reader: ReaderService
    package let comments: CommentService
    package let renderer: PageRenderer

    package init(reader: ReaderService, comments: CommentService, renderer: PageRenderer) {
        self.reader = reader
        self.comments = comments
        self.renderer = renderer
    }

    package func respond(
        _ details: ArticleDetails, latest: [ArticleSummary], request: Request,
        form: CommentModelBuilder.FormState? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let summary = details.summary
        let articleURL = renderer.models.urls.article(summary)
        let query = request.uri.queryParameters
        var pageNumber = 1
        if let text = query["cpage"].map(String.init) {
            guard let requested = PageRequest(segment: text, size: 1) else { return renderer.notFound() }
            pageNumber = requested.number
        }
        let pending = comments.pendingIDs(fromCookie: request.cookies[PendingCommentsCookie.name]?.value)
        guard let section = try await comments.section(for: details, page: pageNumber, pendingIDs: pending) else {
            return renderer.notFound()
        }
        var state = form ?? CommentModelBuilder.FormState()
        if form == nil {
            state.values = CommenterCookie.form(from: request.cookies[CommenterCookie.name]?.value)
            if let reply = query["replytocom"].flatMap({ Int64(String($0)) }) {
                state.replyTo = try await comments.replyTarget(id: reply, articleID: summary.id)
            }
        }
        let builder = CommentModelBuilder(
            dates: renderer.models.dates, articleURL: articleURL, articleID: summary.id, pageNumber: pageNumber)
        let sectionModel = builder.section(
            section, form: state, token: comments.formToken(articleID: summary.id))
        // Reply and comment-page variants are the same article: search engines should index only the article.
        let model = renderer.models.article(
            details, latest: latest, comments: sectionModel,
            noIndex: query["cpage"] != nil || query["replytocom"] != nil)
        var response = renderer.html(
            model, candidates: ["article-\(summary.slug.value)", "article", "index"], status: status)
        response.headers[.cacheTags] = ContentChange.commentTag(summary.id)
        // A page with the reader's own details or pending comments must never be stored by a shared cache.
        if form != nil || !pending.isEmpty || request.cookies[CommenterCookie.name] != nil {
            response.headers[.cacheControl] = "private, no-store"
        }
        return response
    }
}
