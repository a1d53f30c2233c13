import GazetteContent

/// Every newsroom address, built here and nowhere else (routes, links, redirects).
package enum AdminURL {
    /// Where the newsroom lives: every address below starts here.
    package static let root = "/admin"
    package static let dashboard = "/admin/"
    package static let login = "/admin/login"
    package static let logout = "/admin/logout"
    package static let logoutEverywhere = "/admin/logout-everywhere"
    package static let comments = "/admin/comments"
    package static let articles = "/admin/articles"
    package static let newArticle = "/admin/articles/new"
    package static func article(_ id: Int64) -> String { "/admin/articles/\(id)" }
    package static func articleStatus(_ id: Int64) -> String { "/admin/articles/\(id)/status" }
    package static func revisions(_ id: Int64) -> String { "/admin/articles/\(id)/revisions" }
    package static func revision(_ id: Int64, _ number: Int) -> String { "/admin/articles/\(id)/revisions/\(number)" }
    package static func restoreRevision(_ id: Int64, _ number: Int) -> String { revision(id, number) + "/restore" }
    package static let media = "/admin/media"
    package static func mediaItem(_ id: Int64) -> String { "/admin/media/\(id)" }
    package static func setup(_ token: String) -> String { "/admin/setup/\(token)" }
    package static func reset(_ token: String) -> String { "/admin/reset/\(token)" }
    package static func invite(_ token: String) -> String { "/admin/invite/\(token)" }
    package static let users = "/admin/users"
    package static let newUser = "/admin/users/new"
    package static let profile = "/admin/profile"
    package static let settings = "/admin/settings"
    package static let audit = "/admin/audit"
    package static let twoFactor = "/admin/profile/two-factor"
    package static let signInCode = "/admin/login/code"
    package static func user(_ id: Int64) -> String { "/admin/users/\(id)" }
    package static func comment(_ id: Int64) -> String { "/admin/comments/\(id)" }
    package static func comments(status: ModerationStatus) -> String { "\(comments)?status=\(status.rawValue)" }

    /// Only local newsroom paths are followed after signing in, never another site.
    package static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/admin/"), !next.hasPrefix("//"), !next.contains("\\") else { return dashboard }
        return next
    }

    /// True for the newsroom's own addresses (and `/admin` itself), never for a public page.
    package static func isNewsroom(_ path: String) -> Bool {
        path == root || path.hasPrefix(root + "/")
    }

    /// The one-time links whose last part is a secret, kept out of logs.
    package static let oneTimeLinkPrefixes = [setup(""), reset(""), invite("")]
}
