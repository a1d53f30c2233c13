import Foundation
import GazetteStorage
import Synchronization

/// Writes one subscriber's copy of a newsletter at send time: the newsletter's text rendered once, with the
/// reader's own unsubscribe address where the marker stands, and the one-click `List-Unsubscribe` headers.
/// The newsletter is read once and kept while it is being sent.
package final class NewsletterComposer: Sendable {
    private let store: NewsletterStore
    private let subscribers: SubscriberStore
    private let mailer: Mailer
    private let tokens: SubscriberToken
    private let cache = Mutex<[Int64: NewsletterStore.Newsletter]>([:])

    package init(store: NewsletterStore, subscribers: SubscriberStore, mailer: Mailer, tokens: SubscriberToken) {
        self.store = store
        self.subscribers = subscribers
        self.mailer = mailer
        self.tokens = tokens
    }

    package struct Missing: Error, CustomStringConvertible {
        package let description: String
    }

    package func message(for claimed: OutboxStore.Claimed) async throws -> [UInt8] {
        guard let id = claimed.newsletterID, let subscriber = claimed.subscriberID else {
            return claimed.message
        }
        let newsletter: NewsletterStore.Newsletter
        if let kept = cache.withLock({ $0[id] }) {
            newsletter = kept
        } else {
            guard let found = try await store.find(id: id), !found.html.isEmpty else {
                throw Missing(description: "newsletter \(id) is not there any more")
            }
            newsletter = found
            cache.withLock { cache in
                if cache.count > 16 { cache.removeAll() }
                cache[id] = found
            }
        }
        guard try await subscribers.stillFollows(subscriberID: subscriber, anyOf: newsletter.audience) else {
            throw Missing(description: "the reader unsubscribed, bounced or was removed while it was being sent")
        }
        guard let address = MailAddress(claimed.recipient) else {
            throw Missing(description: "\(claimed.recipient) is not an address mail can go to")
        }
        let stop = mailer.urls.absolute(
            path: SiteURL.unsubscribe(token: tokens.token(for: subscriber), .newsletters))
        var message = MailMessage(
            from: MailAddress(mailer.from.address, name: mailer.site.current.title) ?? mailer.from, to: address,
            subject: newsletter.subject,
            text: newsletter.text.replacingOccurrences(of: newsletter.marker, with: stop),
            html: newsletter.html.replacingOccurrences(of: newsletter.marker, with: stop), unsubscribeURL: stop)
        message.headers = [("Precedence", "bulk")]
        return MIMEWriter.write(message, id: "newsletter-\(claimed.id)@\(mailer.from.domain)", date: mailer.clock.now())
    }
}
