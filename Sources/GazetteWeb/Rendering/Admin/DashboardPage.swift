/// The newsroom's front page: a way to start writing, then what needs the person's attention.
package struct DashboardPage: AdminPage {
    package static let template = "dashboard"

    package let chrome: AdminChrome
    package let newArticleURL: String
    /// Drafts, review, scheduled, published: each a short list with a link to the full one.
    package let lists: [DashboardList]
    /// Comments held for moderation, with their articles; nil for people who do not moderate.
    package let held: DashboardComments?
    /// The audit log's latest lines, for admins.
    package let activity: DashboardActivityList?
}

package struct DashboardActivityList: Sendable {
    package let items: [DashboardActivity]
    package let isEmpty: Bool
    package let auditURL: String
}

package struct DashboardList: Sendable {
    package let id: String
    package let title: String
    package let items: [DashboardItem]
    package let isEmpty: Bool
    package let emptyText: String
    package let moreURL: String
    package let moreLabel: String
}

package struct DashboardItem: Sendable {
    package let title: String
    package let url: String
    /// "by Ana Reporter · changed 3 December 2026 at 10:42"
    package let detail: String
}

package struct DashboardComments: Sendable {
    package let count: Int
    package let spamCount: Int
    package let items: [DashboardComment]
    package let isEmpty: Bool
    package let queueURL: String
    package let spamURL: String
}

package struct DashboardComment: Sendable {
    package let authorName: String
    package let excerpt: String
    package let date: String
    package let articleTitle: String
    package let articleURL: String
    package let editURL: String
}

package struct DashboardActivity: Sendable {
    package let date: String
    package let action: String
    package let actor: String
    /// What it was done to; nil for actions on nothing in particular (signing in).
    package let target: String?
    package let isWarning: Bool
}
