import Foundation
import GazetteServices
import HTTPTypes
import Hummingbird

/// What the gate does with a form it cannot accept on a route that holds someone's work (the article
/// editor): instead of dropping it, the form is kept (`KeptForms`) and the person is sent to sign in, or
/// straight back to the page when only the page had expired, with the key to find it again.
package struct KeptWork: Sendable {
    package let forms: KeptForms
    package let secureCookies: Bool

    package static let cookieName = "gazette_kept"
    /// The query parameter the page is opened with to find its form again.
    package static let parameter = "kept"

    package init(forms: KeptForms, secureCookies: Bool) {
        self.forms = forms
        self.secureCookies = secureCookies
    }

    /// The most read from a post without a session: the editor's text at its longest, no image file.
    package static let anonymousLimit = KeptForms.maximumBytes + 64 * 1024

    /// Whether a refused form may be kept: only one sent by a page of this site (the browser says so in
    /// `Sec-Fetch-Site`, or an `Origin` naming this host), so another site cannot post text that would
    /// wait, prefilled, in someone's editor; and, when no session was found, only from a browser that had
    /// one (its cookie is still sent).
    package func mayKeep(_ request: Request, sessionEnded: Bool) -> Bool {
        if sessionEnded, request.cookies[AdminSession.cookieName] == nil { return false }
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!] { return site == "same-origin" }
        guard let origin = request.headers[.origin].flatMap(URL.init(string:)), let host = origin.host,
            let requestHost = request.head.authority
        else { return false }
        return requestHost == host + (origin.port.map { ":\($0)" } ?? "")
    }

    /// Keeps the form's text fields (never the CSRF token of the ended session, never files) and answers
    /// with a redirect: to sign in when `signIn`, else straight back to the page. Nil when nothing could be
    /// kept; the gate then answers as it would have.
    package func keep(_ form: PostedForm, path: String, signIn: Bool) async -> Response? {
        var fields = form.fields.fields
        fields["csrf_token"] = nil
        guard let key = try? await forms.keep(path: path, fields: fields) else { return nil }
        let back = path + "?" + Self.parameter + "=" + key
        let location = signIn ? AdminURL.login.path + "?next=" + FormBody.encode(back) + "&kept=1" : back
        var response = PageRenderer.redirect(to: location, permanent: false)
        response.setCookie(
            Cookie(
                name: Self.cookieName, value: key, maxAge: Int(KeptForms.lifetime), path: AdminURL.dashboard.path,
                secure: secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    /// The form kept for this page, when the address names it and the browser holds its cookie; taken once.
    package func take(_ request: Request, path: String) async throws -> KeptForms.Found? {
        guard let key = request.uri.queryParameters[Self.parameter[...]].map(String.init), !key.isEmpty,
            let held = request.cookies[Self.cookieName]?.value, ConstantTime.equal(key, held)
        else { return nil }
        return try await forms.take(key: key, path: path)
    }

    /// Clears the browser's cookie once its form was found.
    package func forget() -> Cookie {
        Cookie(
            name: Self.cookieName, value: "", maxAge: 0, path: AdminURL.dashboard.path, secure: secureCookies,
            httpOnly: true, sameSite: .strict)
    }
}
