import Foundation
import HTTPTypes
import Hummingbird

/// Renders view models through the theme into HTML responses.
struct PageRenderer: Sendable {
    let theme: Theme
    let models: PageModelFactory

    func html(_ model: Any, candidates: [String], status: HTTPResponse.Status = .ok) -> Response {
        Self.response(theme.render(model, candidates: candidates), status: status)
    }

    /// The themed error page: `error-404` → `error-4xx` → `error`.
    func error(_ status: HTTPResponse.Status, heading: String, message: String) -> Response {
        let model = models.error(status: status.code, heading: heading, message: message)
        let family = "error-\(status.code / 100)xx"
        return html(model, candidates: ["error-\(status.code)", family, "error"], status: status)
    }

    func notFound() -> Response {
        error(
            .notFound, heading: "Page not found",
            message: "There is nothing at this address. It may have moved, or the link may be mistyped.")
    }

    static func response(_ html: String, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func redirect(to location: String, permanent: Bool = true) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: permanent ? .movedPermanently : .seeOther, headers: headers)
    }
}
