import Foundation
import GazetteContent
import GazetteServices

/// "Save my name, email, and website in this browser": the reader's details in a cookie only they hold.
package enum CommenterCookie {
    package static let name = "gazette_commenter"
    package static let maxAge = 365 * 86_400

    /// Cookie-safe text: base64url of the three fields separated by a unit separator.
    package static func value(for form: CommentForm) -> String {
        let joined = [form.author, form.email, form.url].joined(separator: "\u{1F}")
        return Base64URL.encode(Data(joined.utf8))
    }

    /// The remembered fields as a form to pre-fill; an empty form when the cookie is missing or garbled.
    package static func form(from value: String?) -> CommentForm {
        guard let value, let data = Base64URL.decode(value), let text = String(data: data, encoding: .utf8) else {
            return CommentForm()
        }
        let parts = text.components(separatedBy: "\u{1F}")
        guard parts.count == 3 else { return CommentForm() }
        return CommentForm(
            author: String(parts[0].prefix(CommentForm.Limit.author)),
            email: String(parts[1].prefix(CommentForm.Limit.email)),
            url: String(parts[2].prefix(CommentForm.Limit.url)), remember: true)
    }
}
