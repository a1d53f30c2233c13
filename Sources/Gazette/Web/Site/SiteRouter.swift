import Hummingbird

/// The public site's routes, on one screen. Page addresses are parsed by `SiteRoute`.
struct SiteRouter {
    let site: SiteController
    let assets: AssetController
    let health: HealthController
    let renderer: PageRenderer

    func register<Context: RequestContext>(on router: Router<Context>) {
        router.get(RouterPath(SiteURL.healthCheck)) { _, _ in await health.respond() }
        router.get("/assets/:name") { request, context in
            let name = context.parameters.get("name") ?? ""
            return assets.respond(to: request, name: name) ?? renderer.notFound()
        }
        router.get("/") { request, _ in try await site.respond(to: request) }
        router.get("/**") { request, _ in try await site.respond(to: request) }
    }
}
