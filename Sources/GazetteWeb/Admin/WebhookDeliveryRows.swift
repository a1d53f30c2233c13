import GazetteServices
import GazetteStorage

extension WebhookDeliveryRow {
    /// A delivery as the log shows it: its answer or error, how long the receiver took, and what comes next.
    init(_ delivery: WebhookStore.Delivery, endpointID: Int64, dates: DateText) {
        let states = [
            "waiting": delivery.attempts == 0 ? "queued" : "to try again", "sending": "sending",
            "delivered": "delivered", "failed": "failed",
        ]
        self.init(
            key: delivery.key, event: delivery.event, state: states[delivery.status] ?? delivery.status,
            isProblem: delivery.status == "failed" || (delivery.status == "waiting" && delivery.attempts > 0),
            answer: delivery.responseStatus.map(String.init) ?? (delivery.attempts == 0 ? "–" : "no answer"),
            responseTime: delivery.responseMilliseconds.map { "\($0) ms" } ?? "–",
            attempts: String(delivery.attempts), lastError: delivery.lastError.isEmpty ? "–" : delivery.lastError,
            created: dates.longWithTime(delivery.createdAt),
            nextTry: delivery.nextAttemptAt.map { dates.longWithTime($0) } ?? "–",
            resendAction: AdminURL.resendWebhook(endpointID, delivery: delivery.id).path,
            canResend: delivery.status != "sending")
    }
}
