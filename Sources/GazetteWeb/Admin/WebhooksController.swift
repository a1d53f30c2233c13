import Foundation
import GazetteContent
import GazetteServices
import Hummingbird

/// The webhooks screens, for admins: the endpoints, registering one, one endpoint's settings, secret and
/// delivery log, and "send again".
package struct WebhooksController: Sendable {
    package let renderer: AdminRenderer
    package let webhooks: WebhookService
    package let site: LiveSiteSettings
    static let pageSize = 50

    package init(renderer: AdminRenderer, webhooks: WebhookService, site: LiveSiteSettings) {
        self.renderer = renderer
        self.webhooks = webhooks
        self.site = site
    }

    package func list(_ request: Request, context: NewsroomContext) async throws -> Response {
        let notice = request.uri.queryParameters["removed"] != nil ? "The webhook was removed." : nil
        return renderer.page(try await listPage(user: context.user, form: Self.form(), notice: notice))
    }

    /// `POST /admin/webhooks`: registers an endpoint and opens its page, where its secret is shown.
    package func create(_ request: Request, context: NewsroomFormContext) async throws -> Response {
        let typed = Self.typed(context.form.fields)
        do {
            let id = try await webhooks.register(typed)
            return PageRenderer.redirect(to: AdminURL.webhook(id).path + "?created=1", permanent: false)
        } catch let errors as ValidationErrors {
            return renderer.page(
                try await listPage(user: context.user, form: Self.form(typed, errors: errors)),
                status: .unprocessableContent)
        }
    }

    package func show(_ request: Request, id: Int64, context: NewsroomContext) async throws -> Response {
        let query = request.uri.queryParameters
        let notice: String? =
            if query["created"] != nil {
                "Webhook added. Give its receiver the secret below."
            } else if query["saved"] != nil {
                "Webhook saved."
            } else if query["rolled"] != nil {
                "A new secret was made: give it to the receiver."
            } else if query["resent"] != nil {
                "Queued to be sent again now."
            } else {
                nil
            }
        let page = max(1, min(Int(query["page"] ?? "") ?? 1, 10_000))
        return renderer.page(try await endpointPage(id: id, user: context.user, page: page, notice: notice))
    }

    /// `POST /admin/webhooks/:id`: changes the address, events, state or description.
    package func update(_ request: Request, id: Int64, context: NewsroomFormContext) async throws -> Response {
        let typed = Self.typed(context.form.fields)
        do {
            guard try await webhooks.update(id: id, typed) else { throw HTTPError(.notFound) }
            return PageRenderer.redirect(to: AdminURL.webhook(id).path + "?saved=1", permanent: false)
        } catch let errors as ValidationErrors {
            return renderer.page(
                try await endpointPage(id: id, user: context.user, form: Self.form(typed, errors: errors, id: id)),
                status: .unprocessableContent)
        }
    }

    package func rollSecret(_ request: Request, id: Int64, context: NewsroomFormContext) async throws -> Response {
        guard try await webhooks.rollSecret(id: id) else { throw HTTPError(.notFound) }
        return PageRenderer.redirect(to: AdminURL.webhook(id).path + "?rolled=1", permanent: false)
    }

    package func remove(_ request: Request, id: Int64, context: NewsroomFormContext) async throws -> Response {
        guard try await webhooks.remove(id: id) else { throw HTTPError(.notFound) }
        return PageRenderer.redirect(to: AdminURL.webhooks.path + "?removed=1", permanent: false)
    }

    /// `POST /admin/webhooks/:id/deliveries/:number/resend`: the same payload, queued again now.
    package func resend(
        _ request: Request, id: Int64, delivery: Int64, context: NewsroomFormContext
    ) async throws -> Response {
        guard let queued = try await webhooks.resend(deliveryID: delivery, endpointID: id) else {
            throw HTTPError(.notFound)
        }
        guard queued else {
            return renderer.page(
                try await endpointPage(
                    id: id, user: context.user, notice: "That delivery is being sent right now; look again shortly."),
                status: .conflict)
        }
        return PageRenderer.redirect(to: AdminURL.webhook(id).path + "?resent=1", permanent: false)
    }

    private func listPage(
        user: SignedInUser, form: WebhookFormModel, notice: String? = nil
    ) async throws -> WebhooksPage {
        let endpoints = try await webhooks.endpoints()
        return WebhooksPage(
            chrome: renderer.chrome(title: "Webhooks", user: user, current: "webhooks", notice: notice),
            rows: endpoints.map { endpoint in
                WebhookEndpointRow(
                    url: endpoint.url, description: endpoint.description,
                    events: WebhookEvent.allCases.filter(endpoint.events.contains).map(\.rawValue)
                        .joined(separator: ", "),
                    isActive: endpoint.isActive, showURL: AdminURL.webhook(endpoint.id).path)
            }, isEmpty: endpoints.isEmpty, form: form, allowsPrivate: site.current.webhooksToPrivateAddresses)
    }

    private func endpointPage(
        id: Int64, user: SignedInUser, page: Int = 1, form: WebhookFormModel? = nil, notice: String? = nil
    ) async throws -> WebhookPage {
        guard let endpoint = try await webhooks.endpoint(id: id) else { throw HTTPError(.notFound) }
        let found = try await webhooks.deliveries(
            endpointID: id, limit: Self.pageSize + 1, offset: (page - 1) * Self.pageSize)
        let dates = site.dates
        func address(_ page: Int) -> String { AdminURL.webhook(id).path + "?page=\(page)" }
        let newer = page > 1 ? address(page - 1) : nil
        let older = found.count > Self.pageSize ? address(page + 1) : nil
        let filled = WebhookEndpointForm(
            url: endpoint.url, events: endpoint.events, isActive: endpoint.isActive,
            description: endpoint.description)
        return WebhookPage(
            chrome: renderer.chrome(title: "Webhook", user: user, current: "webhooks", notice: notice),
            url: endpoint.url, form: form ?? Self.form(filled, id: id), secret: endpoint.secret,
            secretAction: AdminURL.webhookSecret(id).path, removeAction: AdminURL.removeWebhook(id).path,
            deliveries: found.prefix(Self.pageSize).map { WebhookDeliveryRow($0, endpointID: id, dates: dates) },
            hasDeliveries: !found.isEmpty, newerURL: newer, olderURL: older, hasPager: newer != nil || older != nil)
    }

    /// What the form sent, as typed.
    static func typed(_ fields: FormBody) -> WebhookEndpointForm {
        WebhookEndpointForm(
            url: String(fields["url"].prefix(4_000)),
            events: Set(fields.values("events").compactMap(WebhookEvent.init)),
            isActive: fields["active"] == "1", description: String(fields["description"].prefix(1_000)))
    }

    static func form(
        _ typed: WebhookEndpointForm = WebhookEndpointForm(url: "", events: [.articlePublished]),
        errors: ValidationErrors = ValidationErrors(), id: Int64? = nil
    ) -> WebhookFormModel {
        WebhookFormModel(
            action: id.map { AdminURL.webhook($0).path } ?? AdminURL.webhooks.path, url: typed.url,
            urlError: errors.message(for: "url"), description: typed.description,
            descriptionError: errors.message(for: "description"),
            events: WebhookEvent.allCases.map { event in
                WebhookEventChoice(
                    name: event.rawValue, id: "event-" + event.rawValue.replacingOccurrences(of: ".", with: "-"),
                    summary: event.summary, checked: typed.events.contains(event))
            }, eventsError: errors.message(for: "events"), isActive: typed.isActive,
            buttonLabel: id == nil ? "Add webhook" : "Save")
    }
}
