import GazetteContent

/// Every newsroom address, in one place: the router registers each kind from its `pattern`, and links,
/// redirects and emails are built from its `path`. No other file spells a newsroom address.
package enum AdminURL: Hashable, Sendable {
    case dashboard
    case login
    /// The second step of signing in, for people with two-step sign-in.
    case signInCode
    case logout
    case logoutEverywhere
    /// One-time links: the last part is a secret (kept out of logs).
    case setup(token: String)
    case reset(token: String)
    /// "Forgot your password?": asks for an address and emails a reset link.
    case forgotPassword
    case invite(token: String)
    case articles
    case newArticle
    case article(Int64)
    case articleStatus(Int64)
    /// The editor's Preview: the form as typed, shown in the site's theme (a new article's when nil).
    case articlePreview(Int64?)
    /// Where the editor keeps its autosaved copy (a new article's when nil).
    case autosave(Int64?)
    case revisions(Int64)
    case revision(Int64, number: Int)
    case restoreRevision(Int64, number: Int)
    case media
    case mediaItem(Int64)
    case deleteMedia(Int64)
    /// The moderation queue, showing one state (pending when nil).
    case comments(status: ModerationStatus? = nil)
    case comment(Int64)
    case replyToComment(Int64)
    case users
    /// Readers who get email: counts, search, CSV in and out, removal.
    case subscribers
    case subscribersExport
    case removeSubscriber(Int64)
    case newUser
    case user(Int64)
    /// A new sign-in link for someone, made by an admin.
    case userLink(Int64)
    case profile
    case password
    case twoFactor
    /// Which emails one receives.
    case notifications
    /// Admin API tokens: one's own (everyone's for admins), made and revoked here.
    case apiTokens
    case revokeAPIToken(Int64)
    case settings
    case audit
    /// Webhook endpoints (admins): the list and the form to register one.
    case webhooks
    /// One endpoint: its settings, secret and delivery log.
    case webhook(Int64)
    case webhookSecret(Int64)
    case removeWebhook(Int64)
    /// "Send again" for one delivery of an endpoint.
    case resendWebhook(Int64, delivery: Int64)
    /// The newsroom's own stylesheet and scripts.
    case asset(name: String)

    /// Where the newsroom lives: every address starts here.
    package static let root = "/admin"

    /// The address to link to, redirect to or send.
    package var path: String {
        let path = address(placeholders: false)
        if case .comments(let status?) = self { return path + "?status=" + status.rawValue }
        return path
    }

    /// The router's pattern for this kind of address, with `:id`, `:number`, `:token` or `:name` in place
    /// of the values.
    package var pattern: String { address(placeholders: true) }

    private func address(placeholders: Bool) -> String {
        func id(_ value: Int64) -> String { placeholders ? ":id" : String(value) }
        func number(_ value: Int) -> String { placeholders ? ":number" : String(value) }
        func token(_ value: String) -> String { placeholders ? ":token" : value }
        let root = Self.root
        switch self {
        case .dashboard: return root + "/"
        case .login: return root + "/login"
        case .signInCode: return root + "/login/code"
        case .logout: return root + "/logout"
        case .logoutEverywhere: return root + "/logout-everywhere"
        case .setup(let value): return root + "/setup/" + token(value)
        case .reset(let value): return root + "/reset/" + token(value)
        case .forgotPassword: return root + "/login/forgot"
        case .invite(let value): return root + "/invite/" + token(value)
        case .articles: return root + "/articles"
        case .newArticle: return root + "/articles/new"
        case .article(let value): return root + "/articles/" + id(value)
        case .articleStatus(let value): return root + "/articles/" + id(value) + "/status"
        case .articlePreview(let value?): return root + "/articles/" + id(value) + "/preview"
        case .articlePreview(nil): return root + "/articles/new/preview"
        case .autosave(let value?): return root + "/articles/" + id(value) + "/autosave"
        case .autosave(nil): return root + "/articles/new/autosave"
        case .revisions(let value): return root + "/articles/" + id(value) + "/revisions"
        case .revision(let value, let count): return root + "/articles/" + id(value) + "/revisions/" + number(count)
        case .restoreRevision(let value, let count):
            return root + "/articles/" + id(value) + "/revisions/" + number(count) + "/restore"
        case .media: return root + "/media"
        case .mediaItem(let value): return root + "/media/" + id(value)
        case .deleteMedia(let value): return root + "/media/" + id(value) + "/delete"
        case .comments: return root + "/comments"
        case .comment(let value): return root + "/comments/" + id(value)
        case .replyToComment(let value): return root + "/comments/" + id(value) + "/reply"
        case .users: return root + "/users"
        case .subscribers: return root + "/subscribers"
        case .subscribersExport: return root + "/subscribers/export.csv"
        case .removeSubscriber(let value): return root + "/subscribers/" + id(value) + "/remove"
        case .newUser: return root + "/users/new"
        case .user(let value): return root + "/users/" + id(value)
        case .userLink(let value): return root + "/users/" + id(value) + "/link"
        case .profile: return root + "/profile"
        case .password: return root + "/profile/password"
        case .twoFactor: return root + "/profile/two-factor"
        case .notifications: return root + "/profile/notifications"
        case .apiTokens: return root + "/profile/api-tokens"
        case .revokeAPIToken(let value): return root + "/profile/api-tokens/" + id(value) + "/revoke"
        case .settings: return root + "/settings"
        case .audit: return root + "/audit"
        case .webhooks: return root + "/webhooks"
        case .webhook(let value): return root + "/webhooks/" + id(value)
        case .webhookSecret(let value): return root + "/webhooks/" + id(value) + "/secret"
        case .removeWebhook(let value): return root + "/webhooks/" + id(value) + "/remove"
        case .resendWebhook(let value, let delivery):
            return root + "/webhooks/" + id(value) + "/deliveries/" + (placeholders ? ":number" : String(delivery))
                + "/resend"
        case .asset(let name): return root + "/assets/" + (placeholders ? ":name" : name)
        }
    }

    /// Only local newsroom paths are followed after signing in, never another site.
    package static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix(root + "/"), !next.hasPrefix("//"), !next.contains("\\") else {
            return dashboard.path
        }
        return next
    }

    /// True for the newsroom's own addresses (and `/admin` itself), never for a public page.
    package static func isNewsroom(_ path: String) -> Bool {
        path == root || path.hasPrefix(root + "/")
    }

    /// The one-time links whose last part is a secret, kept out of logs.
    package static let oneTimeLinkPrefixes = [setup(token: ""), reset(token: ""), invite(token: "")].map(\.path)
}
