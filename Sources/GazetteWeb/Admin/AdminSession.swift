import Foundation
import GazetteServices
import Hummingbird

/// The newsroom's session cookie and the checks every admin route makes with it.
package struct AdminSession: Sendable {
    package static let cookieName = "gazette_session"
    package let accounts: AccountService
    package let secureCookies: Bool

    package init(accounts: AccountService, secureCookies: Bool) {
        self.accounts = accounts
        self.secureCookies = secureCookies
    }

    /// The signed-in person, or nil for anonymous requests and expired sessions.
    package func user(for request: Request) async throws -> SignedInUser? {
        guard let token = request.cookies[Self.cookieName]?.value, !token.isEmpty else { return nil }
        return try await accounts.currentUser(sessionToken: token)
    }

    package func cookie(_ token: String) -> Cookie {
        Cookie(
            name: Self.cookieName, value: token, maxAge: Int(AccountService.absoluteTimeout), path: "/",
            secure: secureCookies, httpOnly: true, sameSite: .lax)
    }

    package func expiredCookie() -> Cookie {
        Cookie(
            name: Self.cookieName, value: "", maxAge: 0, path: "/", secure: secureCookies, httpOnly: true,
            sameSite: .lax)
    }

    /// True when a posted form carries this session's token: a form from another site cannot.
    package static func formIsGenuine(_ fields: FormBody, user: SignedInUser) -> Bool {
        ConstantTime.equal(fields["csrf_token"], user.csrfToken)
    }
}
