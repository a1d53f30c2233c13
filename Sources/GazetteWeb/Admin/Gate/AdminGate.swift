import Foundation
import GazetteContent
import GazetteServices
import Hummingbird

/// The check in front of every newsroom route, on the server, whatever the pages show: anonymous visitors
/// are sent to sign in (and brought back afterwards), people lacking the right get the 403 page.
/// `NewsroomGateMiddleware` asks it for every route group; a refusal is thrown with its answer.
package struct AdminGate: Sendable {
    package let session: AdminSession
    package let renderer: AdminRenderer
    /// For the rule on who must use two-step sign-in.
    package let site: LiveSiteSettings

    package init(session: AdminSession, renderer: AdminRenderer, site: LiveSiteSettings) {
        self.session = session
        self.renderer = renderer
        self.site = site
    }

    /// The answer to give instead of the page.
    package struct Refusal: Error {
        package let response: Response
    }

    /// The signed-in person when they hold `right` (any signed-in person when nil).
    package func user(_ right: Right?, _ request: Request) async throws -> SignedInUser {
        try admit(try await session.user(for: request), right, request)
    }

    /// The same check for a person already looked up (nil: nobody is signed in).
    package func admit(_ found: SignedInUser?, _ right: Right?, _ request: Request) throws -> SignedInUser {
        guard let user = found else {
            // A page can be come back to after signing in; a form post goes back to the page it was on.
            var next = request.uri.path
            if request.method == .get, let query = request.uri.query { next += "?" + query }
            throw Refusal(
                response: PageRenderer.redirect(
                    to: AdminURL.login.path + "?next=" + FormBody.encode(next), permanent: false))
        }
        if !user.usesTwoFactor, site.current.requiresTwoFactor(user.author.role),
            !Self.openBeforeTwoFactor.contains(request.uri.path)
        {
            // Admins require it for this role: nothing else opens until it is set up.
            throw Refusal(
                response: PageRenderer.redirect(to: AdminURL.twoFactor.path + "?required=1", permanent: false))
        }
        if let right, !user.can(right) { throw Refusal(response: renderer.forbidden(user)) }
        return user
    }

    /// What someone required to set up two-step sign-in may still open.
    package static let openBeforeTwoFactor: Set<String> = [
        AdminURL.twoFactor.path, AdminURL.logout.path, AdminURL.logoutEverywhere.path,
    ]

    /// For form posts: who is asking is checked first, from the cookie alone, so nobody without the right
    /// makes the server read a large body; then the body is read and must carry the session's CSRF token.
    package func form(
        _ right: Right?, _ request: inout Request, limit: Int = 64 * 1024
    ) async throws -> (SignedInUser, PostedForm) {
        let user = try await user(right, request)
        let posted = try await PostedForm.read(&request, limit: limit)
        guard AdminSession.formIsGenuine(posted.fields, user: user) else {
            throw Refusal(response: renderer.expiredForm(user))
        }
        return (user, posted)
    }
}
