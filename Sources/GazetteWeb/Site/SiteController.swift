import Foundation
import GazetteContent
import GazetteServices
import Hummingbird

/// Answers every public page address: parse the path → one service call → one page model → render.
package struct SiteController: Sendable {
    package let reader: ReaderService
    package let renderer: PageRenderer
    package let articlePage: ArticlePageResponder
    package let feeds: FeedController
    package let search: SearchController
    package let commentFeeds: CommentFeedController
    package let discovery: DiscoveryController

    package init(
        reader: ReaderService, renderer: PageRenderer, articlePage: ArticlePageResponder, feeds: FeedController,
        search: SearchController, commentFeeds: CommentFeedController, discovery: DiscoveryController
    ) {
        self.reader = reader
        self.renderer = renderer
        self.articlePage = articlePage
        self.feeds = feeds
        self.search = search
        self.commentFeeds = commentFeeds
        self.discovery = discovery
    }

    private var models: PageModelFactory { renderer.models }

    /// The page at the request's address; where there is none, a 301 when the address is an article's old one.
    package func respond(to request: Request) async throws -> Response {
        if request.uri.path == SiteURL.home, let shortLink = Self.wordPressShortLink(request),
            let moved = try await reader.redirect(forPath: shortLink)
        {
            return PageRenderer.redirect(to: models.urls.article(moved))
        }
        let response = try await page(for: request)
        guard response.status == .notFound, request.method == .get || request.method == .head,
            let moved = try await reader.redirect(forPath: request.uri.path)
        else { return response }
        return PageRenderer.redirect(to: models.urls.article(moved))
    }

    /// `/?p=123` and its kin, as the redirects table keeps them; nil for any other front-page address.
    package static func wordPressShortLink(_ request: Request) -> String? {
        guard request.uri.query != nil else { return nil }
        let parameters = request.uri.queryParameters
        for name in Redirect.idParameters {
            if let value = parameters[Substring(name)], let id = Int(String(value)), id > 0 {
                return Redirect.key(idParameter: name, id: id)
            }
        }
        return nil
    }

    private func page(for request: Request) async throws -> Response {
        let path = request.uri.path
        if path == SiteURL.search {
            return try await search.respond(to: request)
        }
        if path == SiteURL.search + "/" {
            return PageRenderer.redirect(to: SiteURL.search + (request.uri.query.map { "?" + $0 } ?? ""))
        }
        // WordPress's search address, as old links and browsers' search engines still use it.
        if path == SiteURL.home, let words = request.uri.queryParameters["s"] {
            let text = String(words).replacingOccurrences(of: "+", with: " ")
            return PageRenderer.redirect(to: SiteURL.search + "?q=" + FormBody.encode(text))
        }
        if let feed = CommentFeedRoute(path: path) {
            if feed.path.removingPercentEncoding != path.removingPercentEncoding {
                return PageRenderer.redirect(to: feed.path)
            }
            return try await commentFeeds.respond(to: feed, request: request)
        }
        if let document = DiscoveryRoute(path: path) {
            return try await discovery.respond(to: document, request: request)
        }
        if let feed = FeedRoute(path: path) {
            if feed.path.removingPercentEncoding != path.removingPercentEncoding {
                return PageRenderer.redirect(to: feed.path)
            }
            return try await feeds.respond(to: feed, request: request)
        }
        guard let route = SiteRoute(path: path) else { return renderer.notFound() }
        if route.path.removingPercentEncoding != path.removingPercentEncoding {
            return PageRenderer.redirect(to: route.path)
        }
        switch route {
        case .front(let number):
            return try await frontPage(number)
        case .article(let day, let slug):
            return try await article(day: day, slug: slug, request: request)
        case .archive(let subject, let number):
            return try await archive(subject, number: number)
        }
    }

    private func frontPage(_ number: Int) async throws -> Response {
        guard let page = try await reader.frontPage(number: number) else { return renderer.notFound() }
        let model = models.list(
            heading: "Latest news", intro: "", title: number == 1 ? nil : "Latest news", page: page,
            route: { .front(page: $0) }, isFrontPage: true,
            emptyMessage: "Nothing has been published yet. Check back soon.")
        return renderer.html(model, candidates: ["home", "index"])
    }

    private func article(day: PublicationDay, slug: Slug, request: Request) async throws -> Response {
        switch try await reader.article(day: day, slug: slug) {
        case .found(let details, let latest):
            return try await articlePage.respond(details, latest: latest, request: request)
        case .movedTo(let summary):
            return PageRenderer.redirect(to: models.urls.article(summary))
        case .notFound:
            return renderer.notFound()
        }
    }

    private func archive(_ request: ArchiveKey, number: Int) async throws -> Response {
        guard let archive = try await reader.archive(request, number: number) else { return renderer.notFound() }
        let text = ArchiveText(archive.subject)
        var model = models.list(
            heading: text.heading, intro: text.intro, title: text.heading, page: archive.page,
            route: { .archive(request, page: $0) }, isFrontPage: false, emptyMessage: text.empty,
            portrait: ArchiveView.portrait(archive.subject))
        let topic: SubscriptionTopic? =
            switch request {
            case .tag(let slug): .tag(slug)
            case .category(let slug): .category(slug)
            case .author(let slug): .author(slug)
            case .source, .period: nil
            }
        model.subscribeTopic = topic.map { SubscribeTopicModel(value: $0.rawValue, label: text.heading) }
        return renderer.html(model, candidates: ArchiveView.templates(archive.subject) + ["archive", "index"])
    }
}
