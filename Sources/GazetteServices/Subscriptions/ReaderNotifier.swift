import Foundation
import GazetteContent
import GazetteStorage

/// The words of readers' emails (`ReaderNotice`): the confirmation of what they asked for, and the news of
/// what they follow, each with a one-click unsubscribe (`List-Unsubscribe`, RFC 8058) and a link to manage
/// every subscription. Nothing in them names another reader's address.
package struct ReaderNotifier: Sendable {
    package let mailer: Mailer
    package let tokens: SubscriberToken

    package init(mailer: Mailer, tokens: SubscriberToken) {
        self.mailer = mailer
        self.tokens = tokens
    }

    /// The writer the stores call inside the event's transaction.
    package var writer: SubscriberStore.Writer {
        let notifier = self
        return { notice, recipient in notifier.mail(notice, to: recipient) }
    }

    package func mail(_ notice: ReaderNotice, to recipient: SubscriberStore.Recipient) -> OutboxStore.NewMail? {
        guard let address = MailAddress(recipient.email) else { return nil }
        let token = tokens.token(for: recipient.id)
        let site = mailer.site.current.title
        let manage = mailer.urls.absolute(path: SiteURL.subscriptions(token: token))
        var message: MailMessage
        switch notice {
        case .confirm(let topics, _):
            message = mailer.message(
                to: address, subject: "Confirm your subscription to \(site)",
                paragraphs: [
                    "Someone, probably you, asked for email from \(site) at this address about:",
                    topics.map { "• " + $0.name }.joined(separator: "\n"),
                    "Nothing is sent until you confirm. If it was not you, ignore this email.",
                ],
                link: ("Confirm", mailer.urls.absolute(path: SiteURL.confirmSubscription(token: token))))
        case .newComment(let news):
            let article = mailer.urls.absolute(.article(day: news.day, slug: news.slug))
            let stop = mailer.urls.absolute(
                path: SiteURL.unsubscribe(token: token, notice.topic.map(UnsubscribeScope.topic) ?? .everything))
            message = mailer.message(
                to: address, subject: "New comment on “\(news.articleTitle)”",
                paragraphs: [
                    "\(news.authorName) commented on “\(news.articleTitle)”:", news.excerpt,
                    "You get this email because you follow the comments on this article. Stop following them: "
                        + "\(stop)\nAll your subscriptions: \(manage)",
                ],
                link: ("Read it on \(site)", article + "#comment-\(news.commentID)"))
            message.unsubscribeURL = stop
        }
        message.headers = [("Auto-Submitted", "auto-generated")]
        return mailer.mail(message, event: notice.eventKey)
    }
}
