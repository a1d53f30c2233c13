import Foundation
import GazetteContent
import Hummingbird

/// The check every newsroom route makes first, on the server, whatever the pages show: anonymous visitors
/// are sent to sign in (and brought back afterwards), people lacking the right get the 403 page.
///
/// A refusal is thrown and becomes its response in `ErrorPageMiddleware`, so handlers read straight on.
struct AdminGate: Sendable {
    let session: AdminSession
    let renderer: AdminRenderer

    /// The answer to give instead of the page.
    struct Refusal: Error {
        let response: Response
    }

    /// The signed-in person when they hold `right` (any signed-in person when nil).
    func user(_ right: Right?, _ request: Request) async throws -> SignedInUser {
        guard let user = try await session.user(for: request) else {
            // A page can be come back to after signing in; a form post goes back to the page it was on.
            var next = request.uri.path
            if request.method == .get, let query = request.uri.query { next += "?" + query }
            throw Refusal(
                response: PageRenderer.redirect(
                    to: AdminURL.login + "?next=" + FormBody.encode(next), permanent: false))
        }
        if let right, !user.can(right) { throw Refusal(response: renderer.forbidden(user)) }
        return user
    }

    /// Like `user`, for form posts: also refuses a form that does not carry the session's CSRF token.
    func formUser(_ right: Right?, _ request: Request, fields: FormBody) async throws -> SignedInUser {
        let user = try await user(right, request)
        guard AdminSession.formIsGenuine(fields, user: user) else {
            throw Refusal(response: renderer.expiredForm(user))
        }
        return user
    }
}
