/// The code form that follows a right password for people with two-step sign-in on.
package struct SignInCodePage: AdminPage {
    package static let template = "sign-in-code"

    package let chrome: AdminChrome
    package let siteTitle: String
    package let next: String
    package let error: String?
}
