import Foundation

/// One line of the newsroom's audit log: who did what to what, from which address, when.
///
/// The actor's name and the target's description are copied in when the event happens, so the log still reads
/// after a person is renamed or an article deleted.
public struct AuditEvent: Sendable, Equatable {
    public var action: AuditAction
    /// The signed-in person, or nil for a failed sign-in or a command run on the server.
    public var actorID: Int64?
    /// The person's name, or the address typed into a failed sign-in.
    public var actorName: String
    /// What was acted on, such as "“Harbour reopens” (article 12)" or "Ana Lima (person 3)".
    public var target: String
    /// A short detail: "author → editor", the settings changed.
    public var detail: String
    /// The client's address, or "command line" for a `gazette` command.
    public var address: String
    public var at: Date

    public init(
        action: AuditAction, actorID: Int64?, actorName: String, target: String = "", detail: String = "",
        address: String, at: Date
    ) {
        self.action = action
        self.actorID = actorID
        self.actorName = String(actorName.prefix(Limits.nameLength * 2))
        self.target = String(target.prefix(300))
        self.detail = String(detail.prefix(1_000))
        self.address = String(address.prefix(64))
        self.at = at
    }
}

/// What an audit line records. The raw values are stored, so they never change once released.
public enum AuditAction: String, Sendable, CaseIterable {
    case signedIn = "sign-in"
    case signInFailed = "sign-in-failed"
    case signedOut = "sign-out"
    case signedOutEverywhere = "sign-out-everywhere"
    case passwordChanged = "password-changed"
    case passwordSet = "password-set"
    case twoFactorEnabled = "two-factor-enabled"
    case twoFactorDisabled = "two-factor-disabled"
    case twoFactorFailed = "two-factor-failed"
    case recoveryCodeUsed = "recovery-code-used"
    case articlePublished = "article-published"
    case articleScheduled = "article-scheduled"
    case articleUnpublished = "article-unpublished"
    case articleTrashed = "article-trashed"
    case articleRestored = "article-restored"
    case revisionRestored = "revision-restored"
    case personInvited = "person-invited"
    case roleChanged = "role-changed"
    case accountDeactivated = "account-deactivated"
    case accountReactivated = "account-reactivated"
    case accessLinkMade = "access-link-made"
    case settingsChanged = "settings-changed"
    case mediaDeleted = "media-deleted"
    case tokenCreated = "api-token-created"
    case tokenRevoked = "api-token-revoked"

    /// The words an admin reads in the log and in its filter.
    public var label: String {
        switch self {
        case .signedIn: "Signed in"
        case .signInFailed: "Sign-in failed"
        case .signedOut: "Signed out"
        case .signedOutEverywhere: "Signed out everywhere"
        case .passwordChanged: "Password changed"
        case .passwordSet: "Password set with a link"
        case .twoFactorEnabled: "Two-step sign-in turned on"
        case .twoFactorDisabled: "Two-step sign-in turned off"
        case .twoFactorFailed: "Wrong sign-in code"
        case .recoveryCodeUsed: "Recovery code used"
        case .articlePublished: "Article published"
        case .articleScheduled: "Article scheduled"
        case .articleUnpublished: "Article unpublished"
        case .articleTrashed: "Article moved to the trash"
        case .articleRestored: "Article taken out of the trash"
        case .revisionRestored: "Revision restored"
        case .personInvited: "Person invited"
        case .roleChanged: "Role changed"
        case .accountDeactivated: "Account deactivated"
        case .accountReactivated: "Account reactivated"
        case .accessLinkMade: "Sign-in link made"
        case .settingsChanged: "Settings changed"
        case .mediaDeleted: "Image deleted"
        case .tokenCreated: "API token made"
        case .tokenRevoked: "API token revoked"
        }
    }

    /// Failures and refusals, shown so they stand out.
    public var isWarning: Bool {
        [.signInFailed, .twoFactorFailed].contains(self)
    }
}

extension AuditAction {
    /// The line an article's move between statuses deserves, or nil for moves the log leaves out (a draft
    /// submitted for review, a published article corrected).
    public static func statusChange(from old: ArticleStatus?, to new: ArticleStatus) -> AuditAction? {
        guard old != new else { return nil }
        switch new {
        case .published: return .articlePublished
        case .scheduled: return .articleScheduled
        case .trashed: return .articleTrashed
        case .draft, .pending:
            if old == .trashed { return .articleRestored }
            if old == .published || old == .scheduled { return .articleUnpublished }
            return nil
        }
    }
}

/// Which audit lines to show: every field is optional, and they combine.
public struct AuditFilter: Sendable, Equatable {
    public var action: AuditAction?
    /// Matched against the actor's name or the address typed, and against the target, ignoring case.
    public var person: String
    public var address: String
    public var from: Date?
    /// The end of the range, exclusive.
    public var until: Date?

    public init(
        action: AuditAction? = nil, person: String = "", address: String = "", from: Date? = nil, until: Date? = nil
    ) {
        self.action = action
        self.person = person.trimmingCharacters(in: .whitespaces)
        self.address = address.trimmingCharacters(in: .whitespaces)
        self.from = from
        self.until = until
    }
}
