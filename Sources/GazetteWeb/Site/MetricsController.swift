import GazetteContent
import GazetteServices
import HTTPTypes
import Hummingbird

/// `/metrics` for Prometheus. Readable from this machine (a loopback connection that did not come through a
/// proxy), or from anywhere with `Authorization: Bearer <--metrics-token>`; everyone else gets 403, so request
/// counts and database timings are not public.
package struct MetricsController: Sendable {
    package let metrics: ServerMetrics
    package let token: String?

    package init(metrics: ServerMetrics, token: String?) {
        self.metrics = metrics
        self.token = token
    }

    package func respond(_ request: Request, context: GazetteRequestContext) async -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        guard isAllowed(request, peer: context.clientIP) else {
            return Response(
                status: .forbidden, headers: headers,
                body: .init(
                    byteBuffer: ByteBuffer(
                        string: "Metrics are read from the server itself, or with the token set by --metrics-token.\n"
                    )))
        }
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(
            status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: await metrics.scrape())))
    }

    package func isAllowed(_ request: Request, peer: String) -> Bool {
        if let token, let given = request.headers[.authorization], given.hasPrefix("Bearer ") {
            return ConstantTime.equal(String(given.dropFirst("Bearer ".count)), token)
        }
        // A proxy on this machine would make every visitor look local: proxied requests need the token.
        if request.headers[.xForwardedFor] != nil || request.headers[HTTPField.Name("Forwarded")!] != nil {
            return false
        }
        guard let address = IPAddress(peer) else { return false }
        return address.isIn(range: "127.0.0.0/8") || address.isIn(range: "::1/128")
    }
}
