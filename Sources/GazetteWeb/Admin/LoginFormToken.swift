import GazetteServices
import Hummingbird

/// Keeps another site from signing a browser in to an account of the attacker's choosing (login CSRF): the
/// sign-in form carries a random token that must match a cookie set with the form. Another site can neither
/// read the cookie nor make the browser send it with a cross-site POST (`SameSite=Strict`).
package struct LoginFormToken: Sendable {
    package static let cookieName = "gazette_login"
    package static let field = "login_token"
    package let secureCookies: Bool

    package init(secureCookies: Bool) {
        self.secureCookies = secureCookies
    }

    /// The token the browser already holds, or a new one (then `cookie(_:)` must go out with the page).
    package func token(for request: Request) -> (value: String, isNew: Bool) {
        if let held = request.cookies[Self.cookieName]?.value, held.utf8.count >= 32 { return (held, false) }
        return (SecretToken.make(), true)
    }

    package func cookie(_ token: String) -> Cookie {
        Cookie(
            name: Self.cookieName, value: token, maxAge: 86_400, path: AdminURL.dashboard.path, secure: secureCookies,
            httpOnly: true, sameSite: .strict)
    }

    /// True when the posted form's token is the one in the browser's cookie.
    package static func matches(_ fields: FormBody, _ request: Request) -> Bool {
        guard let held = request.cookies[cookieName]?.value else { return false }
        return ConstantTime.equal(fields[field], held)
    }
}

/// Comparisons of secrets that take as long whichever byte differs.
package enum ConstantTime {
    package static func equal(_ given: String, _ expected: String) -> Bool {
        let given = Array(given.utf8)
        let expected = Array(expected.utf8)
        guard given.count == expected.count, !given.isEmpty else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(given, expected) { difference |= a ^ b }
        return difference == 0
    }
}
