/// What every newsroom page shows around its content.
package struct AdminChrome: Sendable {
    package let siteTitle: String
    package let pageTitle: String
    package let stylesheetURL: String
    /// nil on the sign-in and setup pages.
    package let user: AdminUserModel?
    package let nav: [AdminNavItem]
    /// A one-line confirmation after an action ("3 comments approved.").
    package let notice: String?
}

package struct AdminUserModel: Sendable {
    package let name: String
    package let role: String
    package let csrfToken: String
}

package struct AdminNavItem: Sendable {
    package let label: String
    package let url: String
    package let isCurrent: Bool
}
