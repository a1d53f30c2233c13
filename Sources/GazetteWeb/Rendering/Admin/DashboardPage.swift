package struct DashboardPage: AdminPage {
    package static let template = "dashboard"

    package let chrome: AdminChrome
    package let articleCount: Int
    package let pendingComments: Int
    package let spamComments: Int
    package let canModerate: Bool
}
