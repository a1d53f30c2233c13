import Foundation
import GazetteContent
import GazetteStorage

/// The words of the staff's notices (`StaffNotice`): what happened, a link to act on it, and where to
/// choose which of these emails one gets. Never a commenter's email address.
package struct StaffNotifier: Sendable {
    package let mailer: Mailer

    package init(mailer: Mailer) {
        self.mailer = mailer
    }

    /// The writer the stores call inside the event's transaction.
    package var writer: StaffNoticeStore.Writer {
        let notifier = self
        return { notice, recipient in notifier.mail(notice, to: recipient) }
    }

    package func mail(_ notice: StaffNotice, to recipient: StaffNoticeStore.Recipient) -> OutboxStore.NewMail? {
        guard let address = MailAddress(recipient.email, name: recipient.name) else { return nil }
        let words = self.words(notice)
        let choices = mailer.urls.absolute(path: AdminURL.notifications.path)
        var message = mailer.message(
            to: address, subject: words.subject,
            paragraphs: words.paragraphs + ["You get this email because of your choices in the newsroom: \(choices)"],
            link: (words.action, mailer.urls.absolute(path: words.path)))
        message.headers = [("Auto-Submitted", "auto-generated")]
        return mailer.mail(message, event: notice.eventKey)
    }

    private func words(_ notice: StaffNotice) -> (subject: String, paragraphs: [String], action: String, path: String) {
        switch notice {
        case .submitted(let note):
            let who = note.actorName.isEmpty ? note.authorName : note.actorName
            return (
                "For review: \(note.title)", ["\(who) submitted “\(note.title)” for review."], "Open it in the editor",
                AdminURL.article(note.articleID).path
            )
        case .published(let note):
            return (
                "Published: \(note.title)", ["\(by(note)) published your article “\(note.title)”."],
                "Open it in the editor", AdminURL.article(note.articleID).path
            )
        case .scheduled(let note):
            let when = note.publishedAt.map { "for " + mailer.site.dates.longWithTime($0) } ?? ""
            return (
                "Scheduled: \(note.title)", ["\(by(note)) scheduled your article “\(note.title)” \(when)."],
                "Open it in the editor", AdminURL.article(note.articleID).path
            )
        case .sentBack(let note):
            return (
                "Back to drafts: \(note.title)",
                [
                    "\(by(note)) sent your article “\(note.title)” back to drafts.",
                    "It is yours to change and submit again.",
                ],
                "Open it in the editor", AdminURL.article(note.articleID).path
            )
        case .commentHeld(let note):
            return (
                "Comment waiting: \(note.articleTitle)",
                [
                    "\(note.authorName) commented on “\(note.articleTitle)”. The comment waits for moderation:",
                    note.excerpt,
                ],
                "Moderate it", AdminURL.comment(note.commentID).path
            )
        case .moderationSummary(let waiting, _):
            let count = waiting == 1 ? "One comment waits" : "\(waiting) comments wait"
            return (
                "\(count) for moderation", ["\(count) for moderation on \(mailer.site.current.title)."],
                "Open the queue", AdminURL.comments(status: .pending).path
            )
        }
    }

    private func by(_ note: StaffNotice.ArticleNote) -> String {
        note.actorName.isEmpty ? "The newsroom" : note.actorName
    }
}
