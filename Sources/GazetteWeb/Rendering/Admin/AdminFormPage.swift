/// Sign-in, first-admin setup and password reset forms.
package struct AdminFormPage: AdminPage {
    package static let template = "form"

    package let chrome: AdminChrome
    package let heading: String
    package let intro: String?
    package let action: String
    /// The form's own message at the top (the fields' messages are theirs: a template lookup of `error`
    /// inside a field without one must not find this one and repeat it).
    package let formError: String?
    package let name: AdminField?
    package let email: AdminField?
    package let password: AdminField?
    package let submitLabel: String
    package let next: String
    /// The sign-in form's `LoginFormToken`; nil on other forms.
    package var loginToken: String? = nil
    /// The password is a new one (setup, reset, invitation), so password managers offer to make one.
    package var newPassword: Bool = false
    /// A way out under the form ("Forgot your password?").
    package var footerLink: LinkModel? = nil
}

package struct AdminField: Sendable {
    package let value: String
    package let error: String?
}
