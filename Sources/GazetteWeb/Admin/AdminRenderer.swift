import GazetteContent
import GazetteServices
import HTTPTypes
import Hummingbird

/// Renders newsroom pages through the admin theme.
package struct AdminRenderer: Sendable {
    package let theme: Theme
    package let live: LiveSiteSettings

    package init(theme: Theme, live: LiveSiteSettings) {
        self.theme = theme
        self.live = live
    }
    package var siteTitle: String { live.current.title }

    package func chrome(title: String, user: SignedInUser?, current: String = "", notice: String? = nil) -> AdminChrome
    {
        var nav: [AdminNavItem] = []
        if let user {
            nav.append(
                AdminNavItem(label: "Dashboard", url: AdminURL.dashboard.path, isCurrent: current == "dashboard"))
            nav.append(AdminNavItem(label: "Articles", url: AdminURL.articles.path, isCurrent: current == "articles"))
            if user.can(.uploadMedia) {
                nav.append(AdminNavItem(label: "Media", url: AdminURL.media.path, isCurrent: current == "media"))
            }
            if user.can(.moderateComments) {
                nav.append(
                    AdminNavItem(label: "Comments", url: AdminURL.comments().path, isCurrent: current == "comments"))
            }
            if user.can(.manageUsers) {
                nav.append(AdminNavItem(label: "People", url: AdminURL.users.path, isCurrent: current == "users"))
                nav.append(
                    AdminNavItem(
                        label: "Subscribers", url: AdminURL.subscribers.path, isCurrent: current == "subscribers"))
            }
            if user.can(.manageSettings) {
                nav.append(
                    AdminNavItem(label: "Settings", url: AdminURL.settings.path, isCurrent: current == "settings"))
                nav.append(
                    AdminNavItem(label: "Webhooks", url: AdminURL.webhooks.path, isCurrent: current == "webhooks"))
                nav.append(AdminNavItem(label: "Audit log", url: AdminURL.audit.path, isCurrent: current == "audit"))
            }
            nav.append(AdminNavItem(label: "Your profile", url: AdminURL.profile.path, isCurrent: current == "profile"))
            nav.append(AdminNavItem(label: "View site", url: "/", isCurrent: false))
        }
        return AdminChrome(
            siteTitle: siteTitle, pageTitle: title, stylesheetURL: AdminURL.root + theme.assets.url(for: "admin.css"),
            scriptURL: AdminURL.root + theme.assets.url(for: "admin.js"),
            user: user.map {
                AdminUserModel(name: $0.author.name, role: $0.author.role.rawValue, csrfToken: $0.csrfToken)
            }, nav: nav, notice: notice)
    }

    package func page<Page: AdminPage>(_ model: Page, status: HTTPResponse.Status = .ok) -> Response {
        var response = PageRenderer.response(theme.render(model, candidates: [Page.template, "error"]), status: status)
        // Newsroom pages are personal and change with every action.
        response.headers[.cacheControl] = "private, no-store"
        // No script runs in the newsroom but its own files: HTML in an article's preview cannot act for
        // the person looking at it.
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        return response
    }

    package static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: http: data:; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    package func message(
        _ status: HTTPResponse.Status, heading: String, message: String, user: SignedInUser?,
        linkURL: String = AdminURL.dashboard.path, linkLabel: String = "Back to the dashboard"
    ) -> Response {
        page(
            AdminMessagePage(
                chrome: chrome(title: heading, user: user), heading: heading, message: message, linkURL: linkURL,
                linkLabel: linkLabel), status: status)
    }

    package func forbidden(_ user: SignedInUser) -> Response {
        message(
            .forbidden, heading: "You cannot do that",
            message: "Your role (\(user.author.role.rawValue)) does not allow this. Ask an editor or an admin.",
            user: user)
    }

    package func expiredForm(_ user: SignedInUser?) -> Response {
        message(
            .forbidden, heading: "This form has expired",
            message: "For your safety the form was refused: it did not come from your current session. "
                + "Go back, reload the page and try again.", user: user)
    }
}
