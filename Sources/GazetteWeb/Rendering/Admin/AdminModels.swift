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

/// Sign-in, first-admin setup and password reset forms.
package struct AdminFormPage: Sendable {
    package let chrome: AdminChrome
    package let heading: String
    package let intro: String?
    package let action: String
    package let error: String?
    package let name: AdminField?
    package let email: AdminField?
    package let password: AdminField?
    package let submitLabel: String
    package let next: String
    /// The sign-in form's `LoginFormToken`; nil on other forms.
    package var loginToken: String? = nil
}

package struct AdminField: Sendable {
    package let value: String
    package let error: String?
}

package struct AdminMessagePage: Sendable {
    package let chrome: AdminChrome
    package let heading: String
    package let message: String
    package let linkURL: String
    package let linkLabel: String
}

package struct DashboardPage: Sendable {
    package let chrome: AdminChrome
    package let articleCount: Int
    package let pendingComments: Int
    package let spamComments: Int
    package let canModerate: Bool
}

/// The moderation queue: tabs per status with counts, then the comments with their spam reasons.
package struct ModerationPage: Sendable {
    package let chrome: AdminChrome
    package let tabs: [ModerationTab]
    package let status: String
    package let comments: [ModerationRow]
    package let actions: [ModerationActionModel]
    package let isEmpty: Bool
    package let pager: PagerModel?
}

package struct ModerationTab: Sendable {
    package let label: String
    package let url: String
    package let count: Int
    package let isCurrent: Bool
}

package struct ModerationRow: Sendable {
    package let id: String
    package let authorName: String
    package let authorEmail: String
    package let authorURL: String
    package let authorIP: String
    package let date: String
    package let bodyHTML: String
    package let articleID: String
    package let editURL: String
    package let reasons: [String]
    package let hasReasons: Bool
    package let score: Int
}

package struct ModerationActionModel: Sendable {
    package let value: String
    package let label: String
}

/// One comment to correct or answer.
package struct CommentEditPage: Sendable {
    package let chrome: AdminChrome
    package let id: String
    package let status: String
    package let date: String
    package let articleTitle: String
    package let articleURL: String?
    package let queueURL: String
    package let generalError: String?
    package let author: EditorField
    package let email: EditorField
    package let url: EditorField
    package let text: EditorField
    package let reply: EditorField
    /// Answering a held comment approves it; the button says so.
    package let isHeld: Bool
}
