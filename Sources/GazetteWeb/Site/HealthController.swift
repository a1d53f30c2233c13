import GazetteStorage
import HTTPTypes
import Hummingbird

/// `/healthz`: 200 while the database answers, 503 when it does not, for load balancers and monitors.
package struct HealthController: Sendable {
    package let database: Database

    package init(database: Database) {
        self.database = database
    }

    package func respond() async -> Response {
        let healthy = await database.ping()
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        let body = healthy ? "ok\n" : "database unavailable\n"
        return Response(
            status: healthy ? .ok : .serviceUnavailable, headers: headers,
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
