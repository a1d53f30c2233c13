import Foundation
import GazetteContent
import GazetteServices
import HTTPTypes
import Hummingbird

/// Readers' subscription pages, reached from their emails (`/subscriptions/<token>…`): confirm what they
/// asked for, stop one topic in one click (RFC 8058: a POST with `List-Unsubscribe=One-Click`, which mail
/// programs send themselves), or see and stop everything. A GET never changes anything, since mail
/// scanners open links; every answer is private, uncached and unindexed, and sends no referrer.
package struct SubscriptionController: Sendable {
    package let subscriptions: SubscriptionService
    package let renderer: PageRenderer
    package let clientAddress: ClientAddress

    package init(subscriptions: SubscriptionService, renderer: PageRenderer, clientAddress: ClientAddress) {
        self.subscriptions = subscriptions
        self.renderer = renderer
        self.clientAddress = clientAddress
    }

    /// `POST /subscribe`, the form at the foot of every page: a confirmation email, then nothing until
    /// the reader confirms. The answer is the same whether or not the address already follows the topics.
    package func subscribe(_ request: Request, context: GazetteRequestContext) async throws -> Response {
        var request = request
        guard let body = try? await request.collectBody(upTo: 4_096) else {
            return page(heading: "Not subscribed", message: "The form sent too much.", status: .contentTooLarge)
        }
        let fields = FormBody(String(buffer: body))
        let email = String(fields["email"].prefix(254)).trimmingCharacters(in: .whitespacesAndNewlines)
        let offersDigest = renderer.models.live.current.digest != .off
        let topics = Set(
            fields.values("topic").compactMap(SubscriptionTopic.init(rawValue:))
                .filter { $0.isNewsletter && ($0 != .digest || offersDigest) })
        let sent = page(
            heading: "Check your inbox",
            message: "If \(email) is not subscribed yet, an email is on its way with a link to confirm. Nothing "
                + "is sent until you do.")
        // A bot filled the field people never see: it is told what a person is told, and nothing is sent.
        guard fields[CommentController.honeypotField].isEmpty else { return sent }
        let ip = clientAddress.resolve(peer: context.clientIP, forwardedFor: request.headers[.xForwardedFor])
        switch try await subscriptions.request(
            email: email, topics: topics.isEmpty ? [.site] : topics.sorted(), consent: "subscribe form", ip: ip)
        {
        case .confirmationSent, .alreadyFollowing:
            return sent
        case .invalidAddress:
            return page(
                heading: "Not subscribed",
                message: email.isEmpty
                    ? "Type your email address in the form at the foot of the page, then subscribe."
                    : "“\(email)” cannot receive our email. Check the address in the form at the foot of the "
                        + "page, then subscribe again.", status: .unprocessableContent)
        case .throttled:
            return page(
                heading: "Not subscribed",
                message: "Too many subscriptions were asked from your connection just now. Try again in a "
                    + "quarter of an hour.", status: .tooManyRequests)
        }
    }

    /// `GET /subscriptions/<token>`: what the reader follows, each with its own Unsubscribe.
    package func manage(token: String) async throws -> Response {
        guard let reader = try await subscriptions.subscriber(token: token) else { return unknown() }
        let message =
            switch reader.status {
            case .bounced: "Your mail server refused our last email, so nothing more is sent to this address."
            case .unsubscribed where reader.following.isEmpty: "You follow nothing here: no email is sent to you."
            default:
                reader.following.isEmpty
                    ? "You follow nothing yet." : "Stop any of these below; the change takes effect at once."
            }
        return page(
            heading: "Your email subscriptions", message: message, email: reader.email,
            action: reader.waiting.isEmpty ? nil : SiteURL.confirmSubscription(token: token),
            actionLabel: "Confirm the waiting ones",
            following: reader.following.map {
                SubscriptionTopicRow(
                    name: $0.name, unsubscribeAction: SiteURL.unsubscribe(token: token, .topic($0.topic)))
            },
            waiting: reader.waiting.map { SubscriptionTopicRow(name: $0.name, unsubscribeAction: "") },
            leaveAllAction: reader.following.isEmpty && reader.waiting.isEmpty
                ? nil : SiteURL.unsubscribe(token: token, .everything))
    }

    /// `GET /subscriptions/<token>/confirm`: a button, so only a person confirms.
    package func confirmForm(token: String) async throws -> Response {
        guard let reader = try await subscriptions.subscriber(token: token) else { return unknown() }
        guard !reader.waiting.isEmpty else {
            return page(
                heading: "Nothing to confirm",
                message: "Everything asked for at this address is confirmed already, or the request is over a week "
                    + "old: ask again from the site.", manage: token)
        }
        return page(
            heading: "Confirm your subscription",
            message: "Emails will go to \(reader.email) about: "
                + reader.waiting.map(\.name).joined(separator: "; ") + ".",
            action: SiteURL.confirmSubscription(token: token), actionLabel: "Confirm", manage: token)
    }

    /// `POST /subscriptions/<token>/confirm`.
    package func confirm(token: String) async throws -> Response {
        guard let confirmed = try await subscriptions.confirm(token: token) else { return unknown() }
        guard !confirmed.isEmpty else { return try await confirmForm(token: token) }
        return page(
            heading: "You are subscribed",
            message: "From now on you get emails about: " + confirmed.map(\.name).joined(separator: "; ")
                + ". Each one has a link to stop them.", manage: token)
    }

    /// `GET /subscriptions/<token>/unsubscribe[?topic=…]`: what the button will stop.
    package func unsubscribeForm(token: String, request: Request) async throws -> Response {
        guard let reader = try await subscriptions.subscriber(token: token) else { return unknown() }
        guard let scope = Self.scope(request) else { return unknown() }
        let question =
            switch scope {
            case .topic(let wanted):
                "Stop emails about \(reader.following.first { $0.topic == wanted }?.name ?? "this")?"
            case .newsletters: "Stop the newsletters from this site to \(reader.email)?"
            case .everything: "Stop every email from this site to \(reader.email)?"
            }
        return page(
            heading: "Unsubscribe", message: question, action: SiteURL.unsubscribe(token: token, scope),
            actionLabel: "Unsubscribe", manage: token)
    }

    /// `POST /subscriptions/<token>/unsubscribe[?topic=…]`: done at once, whatever the body (a mail
    /// program's one-click `List-Unsubscribe=One-Click`, or the button).
    package func unsubscribe(token: String, request: Request) async throws -> Response {
        guard let scope = Self.scope(request), try await subscriptions.unsubscribe(token: token, from: scope)
        else { return unknown() }
        let done =
            switch scope {
            case .topic: "You will get no more emails about this."
            case .newsletters: "You will get no more newsletters from this site."
            case .everything: "You will get no more email from this site."
            }
        return page(heading: "Unsubscribed", message: done, manage: token)
    }

    /// What the query's `topic` names; nil for something unknown.
    private static func scope(_ request: Request) -> UnsubscribeScope? {
        UnsubscribeScope(queryValue: request.uri.queryParameters["topic"].map(String.init))
    }

    private func unknown() -> Response {
        var response = renderer.error(
            .notFound, heading: "Link not recognised",
            message: "This subscription link is incomplete or was changed. Open it again from the email itself.")
        Self.keepPrivate(&response)
        return response
    }

    private func page(
        heading: String, message: String, email: String? = nil, action: String? = nil, actionLabel: String? = nil,
        following: [SubscriptionTopicRow] = [], waiting: [SubscriptionTopicRow] = [], leaveAllAction: String? = nil,
        manage token: String? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        let model = SubscriptionPageModel(
            site: renderer.models.site,
            head: renderer.models.head(title: heading, description: "", route: nil, noIndex: true),
            heading: heading, message: message, email: email, action: action, actionLabel: actionLabel,
            following: following, waiting: waiting, leaveAllAction: leaveAllAction,
            manageURL: token.map { SiteURL.subscriptions(token: $0) })
        var response = renderer.html(model, candidates: ["subscription", "error"], status: status)
        Self.keepPrivate(&response)
        return response
    }

    static func keepPrivate(_ response: inout Response) {
        response.headers[.cacheControl] = "private, no-store"
        response.headers[.xRobotsTag] = "noindex, nofollow"
        response.headers[.referrerPolicy] = "no-referrer"
    }
}
