import Foundation
import HTTPTypes
import Hummingbird

/// Renders view models through the theme into HTML responses.
package struct PageRenderer: Sendable {
    package let theme: Theme
    package let models: PageModelFactory

    package init(theme: Theme, models: PageModelFactory) {
        self.theme = theme
        self.models = models
    }

    package func html(_ model: some SitePage, candidates: [String], status: HTTPResponse.Status = .ok) -> Response {
        Self.response(theme.render(model, candidates: candidates), status: status)
    }

    /// The themed error page: `error-404` → `error-4xx` → `error`.
    package func error(_ status: HTTPResponse.Status, heading: String, message: String) -> Response {
        let model = models.error(status: status.code, heading: heading, message: message)
        let family = "error-\(status.code / 100)xx"
        return html(model, candidates: ["error-\(status.code)", family, "error"], status: status)
    }

    package func notFound() -> Response {
        error(
            .notFound, heading: "Page not found",
            message: "There is nothing at this address. It may have moved, or the link may be mistyped.")
    }

    package static func response(_ html: String, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    package static func redirect(to location: String, permanent: Bool = true) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: permanent ? .movedPermanently : .seeOther, headers: headers)
    }
}
