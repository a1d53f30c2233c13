import Hummingbird

/// Removes the headers handlers use to talk to the page cache when there is no page cache to read them, so
/// they never leave the server.
package struct InternalHeadersMiddleware<Context: RequestContext>: RouterMiddleware {

    package init() {}
    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        var response = try await next(request, context)
        response.headers[.cacheTags] = nil
        return response
    }
}
