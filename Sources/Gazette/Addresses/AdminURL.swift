import GazetteContent

/// Every newsroom address, built here and nowhere else (routes, links, redirects).
enum AdminURL {
    /// Where the newsroom lives: every address below starts here.
    static let root = "/admin"
    static let dashboard = "/admin/"
    static let login = "/admin/login"
    static let logout = "/admin/logout"
    static let logoutEverywhere = "/admin/logout-everywhere"
    static let comments = "/admin/comments"
    static let articles = "/admin/articles"
    static let newArticle = "/admin/articles/new"
    static func article(_ id: Int64) -> String { "/admin/articles/\(id)" }
    static func articleStatus(_ id: Int64) -> String { "/admin/articles/\(id)/status" }
    static func revisions(_ id: Int64) -> String { "/admin/articles/\(id)/revisions" }
    static func revision(_ id: Int64, _ number: Int) -> String { "/admin/articles/\(id)/revisions/\(number)" }
    static func restoreRevision(_ id: Int64, _ number: Int) -> String { revision(id, number) + "/restore" }
    static let media = "/admin/media"
    static func mediaItem(_ id: Int64) -> String { "/admin/media/\(id)" }
    static func setup(_ token: String) -> String { "/admin/setup/\(token)" }
    static func reset(_ token: String) -> String { "/admin/reset/\(token)" }
    static func invite(_ token: String) -> String { "/admin/invite/\(token)" }
    static let users = "/admin/users"
    static let newUser = "/admin/users/new"
    static let profile = "/admin/profile"
    static let settings = "/admin/settings"
    static let audit = "/admin/audit"
    static let twoFactor = "/admin/profile/two-factor"
    static let signInCode = "/admin/login/code"
    static func user(_ id: Int64) -> String { "/admin/users/\(id)" }
    static func comment(_ id: Int64) -> String { "/admin/comments/\(id)" }
    static func comments(status: ModerationStatus) -> String { "\(comments)?status=\(status.rawValue)" }

    /// Only local newsroom paths are followed after signing in, never another site.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/admin/"), !next.hasPrefix("//"), !next.contains("\\") else { return dashboard }
        return next
    }

    /// True for the newsroom's own addresses (and `/admin` itself), never for a public page.
    static func isNewsroom(_ path: String) -> Bool {
        path == root || path.hasPrefix(root + "/")
    }

    /// The one-time links whose last part is a secret, kept out of logs.
    static let oneTimeLinkPrefixes = [setup(""), reset(""), invite("")]
}
