import GazetteServices
import Hummingbird

/// Makes the client's address known to the services for a newsroom request (`RequestOrigin.address`), so the
/// audit log names it. Public pages skip the work: nothing they do is audited.
package struct RequestOriginMiddleware: RouterMiddleware {
    package typealias Context = GazetteRequestContext
    package let clientAddress: ClientAddress

    package init(clientAddress: ClientAddress) {
        self.clientAddress = clientAddress
    }

    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        guard AdminURL.isNewsroom(request.uri.path) else { return try await next(request, context) }
        let address = clientAddress.resolve(peer: context.clientIP, forwardedFor: request.headers[.xForwardedFor])
        return try await RequestOrigin.$address.withValue(address) { try await next(request, context) }
    }
}
