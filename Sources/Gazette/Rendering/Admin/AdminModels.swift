/// What every newsroom page shows around its content.
struct AdminChrome: Sendable {
    let siteTitle: String
    let pageTitle: String
    let stylesheetURL: String
    /// nil on the sign-in and setup pages.
    let user: AdminUserModel?
    let nav: [AdminNavItem]
    /// A one-line confirmation after an action ("3 comments approved.").
    let notice: String?
}

struct AdminUserModel: Sendable {
    let name: String
    let role: String
    let csrfToken: String
}

struct AdminNavItem: Sendable {
    let label: String
    let url: String
    let isCurrent: Bool
}

/// Sign-in, first-admin setup and password reset forms.
struct AdminFormPage: Sendable {
    let chrome: AdminChrome
    let heading: String
    let intro: String?
    let action: String
    let error: String?
    let name: AdminField?
    let email: AdminField?
    let password: AdminField?
    let submitLabel: String
    let next: String
    /// The sign-in form's `LoginFormToken`; nil on other forms.
    var loginToken: String? = nil
}

struct AdminField: Sendable {
    let value: String
    let error: String?
}

struct AdminMessagePage: Sendable {
    let chrome: AdminChrome
    let heading: String
    let message: String
    let linkURL: String
    let linkLabel: String
}

struct DashboardPage: Sendable {
    let chrome: AdminChrome
    let articleCount: Int
    let pendingComments: Int
    let spamComments: Int
    let canModerate: Bool
}

/// The moderation queue: tabs per status with counts, then the comments with their spam reasons.
struct ModerationPage: Sendable {
    let chrome: AdminChrome
    let tabs: [ModerationTab]
    let status: String
    let comments: [ModerationRow]
    let actions: [ModerationActionModel]
    let isEmpty: Bool
    let pager: PagerModel?
}

struct ModerationTab: Sendable {
    let label: String
    let url: String
    let count: Int
    let isCurrent: Bool
}

struct ModerationRow: Sendable {
    let id: String
    let authorName: String
    let authorEmail: String
    let authorURL: String
    let authorIP: String
    let date: String
    let bodyHTML: String
    let articleID: String
    let editURL: String
    let reasons: [String]
    let hasReasons: Bool
    let score: Int
}

struct ModerationActionModel: Sendable {
    let value: String
    let label: String
}

/// One comment to correct or answer.
struct CommentEditPage: Sendable {
    let chrome: AdminChrome
    let id: String
    let status: String
    let date: String
    let articleTitle: String
    let articleURL: String?
    let queueURL: String
    let generalError: String?
    let author: EditorField
    let email: EditorField
    let url: EditorField
    let text: EditorField
    let reply: EditorField
    /// Answering a held comment approves it; the button says so.
    let isHeld: Bool
}
