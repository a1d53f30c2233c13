import Foundation
import GazetteServices
import GazetteWeb
import HTTPTypes
import Hummingbird
import Logging
import OpenAPIHummingbird
import OpenAPIRuntime

/// The API under `/api/v1/`: the generated operations over `APIHandlers`, the OpenAPI document they come
/// from, its reference page, and a problem document for every other address under the prefix.
public struct APIRoutes: Sendable {
    private let handlers: APIHandlers
    private let document: APIDocument

    private let authentication: TokenAuthentication

    public init(
        catalog: ContentCatalog, newsroom: NewsroomServices, tokens: APITokens, clock: Clock, site: SiteURL,
        variants: ImageVariants
    ) throws {
        handlers = APIHandlers(
            catalog: catalog, newsroom: newsroom,
            shapes: APIShapes(site: site, api: APIURL(site: site), variants: variants))
        document = try APIDocument.load()
        authentication = TokenAuthentication(
            tokens: tokens, limiter: APIRateLimiter(limit: newsroom.rateLimit), clock: clock,
            secured: document.securedOperations)
    }

    public func register(on router: Router<GazetteRequestContext>, logger: Logger) throws {
        let document = self.document
        router.get(RouterPath(APIURL.document)) { _, _ in
            Self.answer(document.json, type: "application/json")
        }
        router.get(RouterPath(APIURL.reference)) { _, _ in
            Self.answer(document.reference, type: "text/html; charset=utf-8")
        }
        // The operations sit in a group of their own, for the middleware that tags their answers for the cache.
        let operations = router.group(RouterPath(APIURL.prefix)).add(middleware: APICacheTags())
        try handlers.registerHandlers(
            on: operations, serverURL: URL(string: "/")!,
            configuration: Configuration(jsonEncodingOptions: [.sortedKeys, .withoutEscapingSlashes]),
            middlewares: [
                ProblemTranslation(logger: logger, parameters: document.parameters), authentication, NullRefusal(),
            ])
        let methods: [HTTPRequest.Method] = [.get, .post, .put, .patch, .delete, .options, .trace, .init("QUERY")!]
        for (path, allowed) in document.methods {
            let allow = allowed.sorted().joined(separator: ", ")
            for method in methods where !allowed.contains(method.rawValue) {
                operations.on(RouterPath(path), method: method) { _, _ -> Response in
                    throw Problem(
                        .methodNotAllowed, code: "method_not_allowed",
                        detail: "This address takes \(allow) only.", headers: [.allow: allow])
                }
            }
        }
        for method in methods {
            router.on(RouterPath(APIURL.prefix + "/**"), method: method) { _, _ -> Response in
                throw HTTPError(.notFound)
            }
        }
    }

    private static func answer(_ bytes: Data, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: CachePolicy.pageCacheControl],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
