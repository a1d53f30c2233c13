/// One webhook endpoint: its settings, the secret its receiver checks signatures with, and its delivery
/// log with "send again".
package struct WebhookPage: AdminPage {
    package static let template = "webhook"

    package let chrome: AdminChrome
    package let url: String
    package let form: WebhookFormModel
    /// Shown only here, to admins, for configuring the receiver.
    package let secret: String
    package let secretAction: String
    package let removeAction: String
    package let deliveries: [WebhookDeliveryRow]
    package let hasDeliveries: Bool
    package let newerURL: String?
    package let olderURL: String?
    package let hasPager: Bool
}

package struct WebhookDeliveryRow: Sendable {
    package let key: String
    package let event: String
    package let state: String
    package let isProblem: Bool
    /// "200", or the error when there was no answer.
    package let answer: String
    package let responseTime: String
    package let attempts: String
    package let lastError: String
    package let created: String
    package let nextTry: String
    package let resendAction: String
    package let canResend: Bool
}
