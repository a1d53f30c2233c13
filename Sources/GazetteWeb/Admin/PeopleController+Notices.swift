import GazetteContent
import GazetteServices
import Hummingbird

extension PeopleController {
    package func notificationsForm(_ request: Request, context: NewsroomContext) async throws -> Response {
        let user = context.user
        let notice = request.uri.queryParameters["saved"] != nil ? "Saved." : nil
        return renderer.page(
            notificationsPage(user: user, choices: try await people.noticeChoices(of: user.author), notice: notice))
    }

    package func updateNotifications(_ request: Request, context: NewsroomFormContext) async throws -> Response {
        let (user, fields) = (context.user, context.form.fields)
        let choices = NoticeChoices(
            reviews: fields["reviews"] == "1", ownArticles: fields["own_articles"] == "1",
            comments: NoticeChoices.CommentNotices(rawValue: fields["comments"]) ?? .each)
        try await people.setNoticeChoices(choices, of: user.author)
        return PageRenderer.redirect(to: AdminURL.notifications.path + "?saved=1", permanent: false)
    }

    private func notificationsPage(user: SignedInUser, choices: NoticeChoices, notice: String?) -> NotificationsPage {
        let labels: [(NoticeChoices.CommentNotices, String)] = [
            (.each, "An email for each comment held"),
            (.daily, "One email a day, at \(ModerationSummary.hour):00, when comments wait"),
            (.off, "No email"),
        ]
        return NotificationsPage(
            chrome: renderer.chrome(title: "Email notifications", user: user, current: "profile", notice: notice),
            moderates: user.author.role.rank >= Role.editor.rank, reviews: choices.reviews,
            ownArticles: choices.ownArticles,
            commentOptions: labels.map {
                NotificationOption(value: $0.0.rawValue, label: $0.1, checked: choices.comments == $0.0)
            },
            email: user.author.email)
    }
}
