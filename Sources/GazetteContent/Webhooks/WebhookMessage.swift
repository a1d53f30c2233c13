import Foundation

/// One delivery's message before it is written as JSON: its id (receivers de-duplicate on it), the event,
/// when the event happened, and what it is about.
public struct WebhookMessage: Sendable, Equatable {
    public var id: String
    public var event: WebhookEvent
    public var createdAt: Date
    public var subject: WebhookSubject

    public init(id: String, event: WebhookEvent, createdAt: Date, subject: WebhookSubject) {
        self.id = id
        self.event = event
        self.createdAt = createdAt
        self.subject = subject
    }

    /// A new delivery id: random, so ids from several instances never collide.
    public static func newID() -> String {
        "whd_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }
}
