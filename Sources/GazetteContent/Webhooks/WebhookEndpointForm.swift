import Foundation

/// An endpoint as an admin registers or edits it: where to POST, which events, whether it is on, and a note
/// for the newsroom. Whether the address is public is asked at registration by the service (it needs the
/// network) and again before every delivery.
public struct WebhookEndpointForm: Sendable, Equatable {
    public var url: String
    public var events: Set<WebhookEvent>
    public var isActive: Bool
    public var description: String

    public init(url: String, events: Set<WebhookEvent>, isActive: Bool = true, description: String = "") {
        self.url = url
        self.events = events
        self.isActive = isActive
        self.description = description
    }

    public static let descriptionLength = 200

    /// The form with its text trimmed, or every problem with it at once.
    public func validated() throws(ValidationErrors) -> WebhookEndpointForm {
        var form = self
        form.url = url.trimmingCharacters(in: .whitespacesAndNewlines)
        form.description = description.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = ValidationErrors()
        let components = URLComponents(string: form.url)
        if form.url.isEmpty {
            errors.add("url", "Give the address to send events to, such as https://hooks.example.com/gazette.")
        } else if !WebAddress.isHTTP(form.url) {
            errors.add(
                "url",
                "The address must be a complete http:// or https:// address, such as https://hooks.example.com/gazette."
            )
        } else if components?.user != nil || components?.password != nil {
            // Credentials in the address would be shown on every newsroom page; the signature proves the sender.
            errors.add("url", "Leave the user name and password out of the address: each request is signed instead.")
        } else if components?.fragment != nil {
            errors.add("url", "Leave the #part out of the address: it is never sent.")
        }
        if form.events.isEmpty { errors.add("events", "Choose at least one event.") }
        if form.description.count > Self.descriptionLength {
            errors.add("description", "The description is too long: at most \(Self.descriptionLength) characters.")
        }
        try errors.throwIfAny()
        return form
    }
}

/// The newsroom's words for an event list stored as text: one name after another, each between spaces, so
/// a subscription is found with `LIKE '% article.published %'`.
extension Set where Element == WebhookEvent {
    public var stored: String {
        " " + WebhookEvent.allCases.filter(contains).map(\.rawValue).joined(separator: " ") + " "
    }

    public init(stored text: String) {
        self.init(text.split(separator: " ").compactMap { WebhookEvent(rawValue: String($0)) })
    }
}
