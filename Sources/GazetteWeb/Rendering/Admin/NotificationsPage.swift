/// "Email notifications" in someone's profile: which newsroom emails they get.
package struct NotificationsPage: AdminPage {
    package static let template = "notifications"

    package let chrome: AdminChrome
    /// Editors and admins also choose about reviews and held comments.
    package let moderates: Bool
    package let reviews: Bool
    package let ownArticles: Bool
    package let commentOptions: [NotificationOption]
    /// Where the emails go.
    package let email: String
}

/// One way of hearing of held comments, as a radio button.
package struct NotificationOption: Sendable {
    package let value: String
    package let label: String
    package let checked: Bool
}
