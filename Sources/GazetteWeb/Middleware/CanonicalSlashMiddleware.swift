import Hummingbird

/// Sends a request for `path` without its final slash to `path`, before anything else looks at it.
package struct CanonicalSlashMiddleware: RouterMiddleware {
    package typealias Context = GazetteRequestContext
    package let path: String

    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if request.uri.path + "/" == path { return PageRenderer.redirect(to: path) }
        return try await next(request, context)
    }
}
