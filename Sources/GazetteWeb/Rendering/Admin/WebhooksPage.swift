/// The webhooks screen (admins): the endpoints registered, and the form to register another.
package struct WebhooksPage: AdminPage {
    package static let template = "webhooks"

    package let chrome: AdminChrome
    package let rows: [WebhookEndpointRow]
    package let isEmpty: Bool
    package let form: WebhookFormModel
    /// Whether deliveries to this machine and private networks are allowed (a setting), said on the page.
    package let allowsPrivate: Bool
}

package struct WebhookEndpointRow: Sendable {
    package let url: String
    package let description: String
    package let events: String
    package let isActive: Bool
    package let showURL: String
}

/// The endpoint form, new or filled in, with the problems found in what was typed.
package struct WebhookFormModel: Sendable {
    package let action: String
    package let url: String
    package let urlError: String?
    package let description: String
    package let descriptionError: String?
    package let events: [WebhookEventChoice]
    package let eventsError: String?
    package let isActive: Bool
    package let buttonLabel: String
}

package struct WebhookEventChoice: Sendable {
    package let name: String
    package let id: String
    package let summary: String
    package let checked: Bool
}
