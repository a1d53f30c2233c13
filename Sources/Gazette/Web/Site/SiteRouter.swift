import Hummingbird

/// The public site's routes, on one screen. Page addresses are parsed by `SiteRoute`.
struct SiteRouter {
    let site: SiteController
    let comments: CommentController
    let assets: AssetController
    let health: HealthController
    let media: MediaController
    let metrics: MetricsController
    let renderer: PageRenderer

    func register(on router: Router<GazetteRequestContext>) {
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
        // The router does not fall back from /comments (the comment form's target) to the catch-all below.
        router.get(RouterPath(SiteURL.commentsEndpoint + "/**")) { request, _ in try await site.respond(to: request) }
        router.get("/") { request, _ in try await site.respond(to: request) }
        router.get("/**") { request, _ in try await site.respond(to: request) }
    }
}
