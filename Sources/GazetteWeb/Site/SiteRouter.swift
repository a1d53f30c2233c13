import GazetteServices
import Hummingbird

/// The public site's routes, on one screen. Page addresses are parsed by `SiteRoute`.
package struct SiteRouter {
    package let site: SiteController
    package let comments: CommentController
    package let assets: AssetController
    package let health: HealthController
    package let media: MediaController
    package let metrics: MetricsController
    package let preview: ArticlePreview
    package let subscriptions: SubscriptionController
    package let renderer: PageRenderer

    package init(
        site: SiteController, comments: CommentController, assets: AssetController, health: HealthController,
        media: MediaController, metrics: MetricsController, preview: ArticlePreview,
        subscriptions: SubscriptionController, renderer: PageRenderer
    ) {
        self.preview = preview
        self.subscriptions = subscriptions
        self.site = site
        self.comments = comments
        self.assets = assets
        self.health = health
        self.media = media
        self.metrics = metrics
        self.renderer = renderer
    }

    package func register(on router: Router<GazetteRequestContext>) {
        router.get(RouterPath(SiteURL.healthCheck)) { _, _ in await health.respond() }
        router.get(RouterPath(SiteURL.metrics)) { request, context in await metrics.respond(request, context: context) }
        router.get("/assets/:name") { request, context in
            let name = context.parameters.get("name") ?? ""
            return assets.respond(to: request, name: name) ?? renderer.notFound()
        }
        router.get(RouterPath(SiteURL.mediaPrefix + "**")) { request, context in
            let path = String(request.uri.path.dropFirst(SiteURL.mediaPrefix.count))
            return try await media.respond(to: request, path: path, context: context)
        }
        router.post(RouterPath(SiteURL.commentsEndpoint)) { request, context in
            try await comments.post(request, context: context)
        }
        router.get(RouterPath(SiteURL.commentsEndpoint)) { request, _ in try await comments.reopen(request) }
        // The router does not fall back from /comments (the comment form's target) to the catch-all below.
        router.get(RouterPath(SiteURL.commentsEndpoint + "/**")) { request, _ in try await site.respond(to: request) }
        router.get(RouterPath(SiteURL.previewPrefix + ":token")) { _, context in
            try await preview.shared(token: context.parameters.get("token") ?? "")
        }
        router.post(RouterPath(SiteURL.subscribe)) { request, context in
            try await subscriptions.subscribe(request, context: context)
        }
        let token = SiteURL.subscriptionsPrefix + ":token"
        @Sendable func tokenIn(_ context: GazetteRequestContext) -> String { context.parameters.get("token") ?? "" }
        router.get(RouterPath(token)) { _, context in try await subscriptions.manage(token: tokenIn(context)) }
        router.get(RouterPath(token + "/confirm")) { _, context in
            try await subscriptions.confirmForm(token: tokenIn(context))
        }
        router.post(RouterPath(token + "/confirm")) { _, context in
            try await subscriptions.confirm(token: tokenIn(context))
        }
        router.get(RouterPath(token + "/unsubscribe")) { request, context in
            try await subscriptions.unsubscribeForm(token: tokenIn(context), request: request)
        }
        router.post(RouterPath(token + "/unsubscribe")) { request, context in
            try await subscriptions.unsubscribe(token: tokenIn(context), request: request)
        }
        router.get("/") { request, _ in try await site.respond(to: request) }
        router.get("/**") { request, _ in try await site.respond(to: request) }
    }
}
