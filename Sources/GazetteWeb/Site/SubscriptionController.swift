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

    package init(subscriptions: SubscriptionService, renderer: PageRenderer) {
        self.subscriptions = subscriptions
        self.renderer = renderer
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
        manage token: String? = nil
    ) -> Response {
        let model = SubscriptionPageModel(
            site: renderer.models.site,
            head: renderer.models.head(title: heading, description: "", route: nil, noIndex: true),
            heading: heading, message: message, email: email, action: action, actionLabel: actionLabel,
            following: following, waiting: waiting, leaveAllAction: leaveAllAction,
            manageURL: token.map { SiteURL.subscriptions(token: $0) })
        var response = renderer.html(model, candidates: ["subscription", "error"])
        Self.keepPrivate(&response)
        return response
    }

    static func keepPrivate(_ response: inout Response) {
        response.headers[.cacheControl] = "private, no-store"
        response.headers[.xRobotsTag] = "noindex, nofollow"
        response.headers[.referrerPolicy] = "no-referrer"
    }
}
