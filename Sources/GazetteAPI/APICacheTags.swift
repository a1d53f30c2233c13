import GazetteServices
import GazetteWeb
import HTTPTypes
import Hummingbird

/// Names what besides the site's articles an API answer shows, for the page cache: an article and its
/// comment list show that article's comments; lists and lookups show comment counts of many articles.
struct APICacheTags<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        guard request.method == .get || request.method == .head, response.status == .ok else { return response }
        let parts = request.uri.path.dropFirst(APIURL.prefix.count).split(separator: "/")
        if parts.count >= 2, parts[0] == "articles", let id = Int64(parts[1]) {
            response.headers[.cacheTags] = ContentChange.commentTag(id)
        } else if parts.first == "articles" || parts.first == "pages" || parts.first == "lookup" {
            response.headers[.cacheTags] = ContentChange.allCommentsTag
        }
        return response
    }
}
