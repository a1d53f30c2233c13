import GazetteServices
import HTTPTypes
import Hummingbird

/// Headers every answer carries so browsers treat the site's content strictly: a Content-Security-Policy for
/// its kind of page, a Permissions-Policy, no sniffing, and HSTS when the site's address is https.
package struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// True when the public address is https: browsers are then told to use nothing else for a year.
    package let strictTransport: Bool

    package init(strictTransport: Bool = false) {
        self.strictTransport = strictTransport
    }

    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        var response = try await next(request, context)
        let path = request.uri.path
        response.headers[.xContentTypeOptions] = "nosniff"
        // A page with a secret in its address (a shared preview) sets a stricter one itself.
        if response.headers[.referrerPolicy] == nil {
            response.headers[.referrerPolicy] = "strict-origin-when-cross-origin"
        }
        response.headers[.permissionsPolicy] = ContentSecurityPolicy.permissions
        if AdminURL.isNewsroom(path) {
            response.headers[.contentSecurityPolicy] = ContentSecurityPolicy.newsroom
            response.headers[.xFrameOptions] = "DENY"
        } else if path.hasPrefix("/media/") {
            response.headers[.contentSecurityPolicy] = ContentSecurityPolicy.media
            response.headers[.xFrameOptions] = "SAMEORIGIN"
        } else {
            response.headers[.contentSecurityPolicy] = ContentSecurityPolicy.site
            response.headers[.xFrameOptions] = "SAMEORIGIN"
        }
        if strictTransport {
            response.headers[.strictTransportSecurity] = "max-age=31536000"
        }
        return response
    }
}

extension HTTPField.Name {
    package static let xFrameOptions = Self("X-Frame-Options")!
    package static let xContentTypeOptions = Self("X-Content-Type-Options")!
    package static let referrerPolicy = Self("Referrer-Policy")!
    package static let xForwardedFor = Self("X-Forwarded-For")!
    package static let permissionsPolicy = Self("Permissions-Policy")!
}
