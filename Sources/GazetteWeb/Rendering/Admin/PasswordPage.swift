/// Changing one's own password: the current one, then the new one.
package struct PasswordPage: AdminPage {
    package static let template = "password"

    package let chrome: AdminChrome
    package let generalError: String?
    package let current: AdminField
    package let new: AdminField
}
