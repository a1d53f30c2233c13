/// What every newsroom page shows around its content.
package struct AdminChrome: Sendable {
    package let siteTitle: String
    package let pageTitle: String
    package let stylesheetURL: String
    /// The newsroom's small script: it only adds to pages that work without it (autosave, warnings).
    package let scriptURL: String
    /// nil on the sign-in and setup pages.
    package let user: AdminUserModel?
    package let nav: [AdminNavItem]
    /// A one-line confirmation after an action ("3 comments approved.").
    package var notice: String?
    /// Where the notice's "view it" link goes (a just-published article), if anywhere.
    package var noticeLinkURL: String? = nil
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
