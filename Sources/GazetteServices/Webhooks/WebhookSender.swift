import Foundation
import GazetteStorage
import Logging

/// Sends what the webhook queue holds: claims due deliveries (each instance its own), checks each address
/// again after resolving it, POSTs the stored body signed with the endpoint's current secret, and records
/// the answer; anything but a 2xx is tried again with backoff until the delivery is a day old.
package struct WebhookSender: Sendable {
    package let store: WebhookStore
    package let clock: Clock
    package let logger: Logger
    package var retries: WebhookRetries
    /// Read before each delivery, so the newsroom's setting applies at once (`site.webhooks_private`).
    package var allowsPrivateAddresses: @Sendable () -> Bool
    package var client = WebhookClient()
    /// Longer than one delivery may take (the client's whole deadline), so a claim never runs out under a
    /// delivery in flight; a killed sender's deliveries are picked up after it.
    package static let claimSeconds: TimeInterval = 60

    package init(
        store: WebhookStore, clock: Clock, logger: Logger, retries: WebhookRetries = .standard,
        allowsPrivateAddresses: @escaping @Sendable () -> Bool
    ) {
        self.store = store
        self.clock = clock
        self.logger = logger
        self.retries = retries
        self.allowsPrivateAddresses = allowsPrivateAddresses
    }

    /// Sends everything due now, a few at a time at once; returns how many were delivered.
    @discardableResult
    package func sendDue(batch: Int = 8) async throws -> Int {
        var delivered = 0
        while try await store.hasDue(now: clock.now()) {
            let claimed = try await store.claim(limit: batch, now: clock.now(), for: Self.claimSeconds)
            if claimed.isEmpty { break }
            // One slow receiver holds up only its own delivery, not the batch's others.
            delivered += await withTaskGroup(of: Bool.self) { group in
                for delivery in claimed { group.addTask { await send(delivery) } }
                var count = 0
                for await ok in group where ok { count += 1 }
                return count
            }
        }
        return delivered
    }

    private func send(_ delivery: WebhookStore.Claimed) async -> Bool {
        let started = ContinuousClock.now
        var status: Int? = nil
        do {
            let target = try WebhookTarget.check(delivery.url, allowsPrivateAddresses: allowsPrivateAddresses())
            let headers = [
                ("Content-Type", "application/json"), ("User-Agent", "Gazette-Webhooks/1"),
                ("Gazette-Event", delivery.event), ("Gazette-Delivery", delivery.key),
                (
                    "Gazette-Signature",
                    WebhookSignature.header(body: delivery.payload, secret: delivery.secret, at: clock.now())
                ),
            ]
            let answer = try await client.post(delivery.payload, to: target, headers: headers)
            status = answer
            guard (200..<300).contains(answer) else {
                throw WebhookClient.Failure(message: "the receiver answered \(answer)")
            }
            try await store.markDelivered(
                id: delivery.id, status: answer, milliseconds: Self.milliseconds(since: started), now: clock.now())
            return true
        } catch {
            await record(error, status: status, for: delivery, started: started)
            return false
        }
    }

    private func record(
        _ error: any Error, status: Int?, for delivery: WebhookStore.Claimed, started: ContinuousClock.Instant
    ) async {
        let now = clock.now()
        let retryAt = retries.next(after: delivery.attempts, now: now, giveUpAt: delivery.giveUpAt)
        // The address is logged without its path and query, which may carry a receiver's own token.
        let host = URLComponents(string: delivery.url)?.host ?? "the endpoint"
        let next = retryAt == nil ? "given up" : "trying again later"
        logger.warning(
            "Webhook \(delivery.event) \(delivery.key) to \(host) failed (attempt \(delivery.attempts)): \(error); \(next)"
        )
        do {
            try await store.markFailed(
                id: delivery.id, status: status, milliseconds: Self.milliseconds(since: started),
                error: String(describing: error), retryAt: retryAt, now: now)
        } catch {
            // The claim runs out and the delivery is tried again: late, never lost.
            logger.warning("Recording webhook delivery \(delivery.key) failed: \(error)")
        }
    }

    static func milliseconds(since started: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - started
        return Int(elapsed.components.seconds * 1_000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}
