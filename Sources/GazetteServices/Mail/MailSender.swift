import Foundation
import GazetteStorage
import Logging

/// Sends what the outbox holds: claims due messages (each instance its own), hands each to the transport,
/// and records the outcome; a failure is tried again later, backing off for about a day before giving up.
/// Paced to `perSecond` messages (0: unpaced), so a newsletter does not flood the server.
package struct MailSender: Sendable {
    package let outbox: OutboxStore
    package let transport: any MailTransport
    package let clock: Clock
    package let logger: Logger
    package var perSecond: Double
    /// Told of each address a server refused for good (a hard bounce), so readers' mail to it stops.
    package var onRejectedRecipient: (@Sendable (_ address: String, _ reason: String) async -> Void)? = nil
    /// Writes a newsletter's copy for its subscriber at send time (those outbox rows hold no message).
    package var composer: NewsletterComposer? = nil
    /// How long a claimed message is this instance's before another may take it over.
    /// Longer than one message may take (the SMTP transport's limit is twice its 30-second timeout), and
    /// renewed every 20 seconds while a batch is sent, so a claim never runs out under a message in flight.
    package static let claimSeconds: TimeInterval = 90
    static let renewEvery: TimeInterval = 20
    /// Waits between attempts, then the message is given up.
    package static let backoff: [TimeInterval] = [60, 300, 1_800, 7_200, 21_600, 43_200, 86_400]

    package init(
        outbox: OutboxStore, transport: any MailTransport, clock: Clock, logger: Logger, perSecond: Double = 20
    ) {
        self.outbox = outbox
        self.transport = transport
        self.clock = clock
        self.logger = logger
        self.perSecond = perSecond
    }

    /// Sends everything due now, a batch at a time over one connection; returns how many were delivered.
    @discardableResult
    package func sendDue(batch: Int = 50) async throws -> Int {
        var delivered = 0
        while try await outbox.hasDue(now: clock.now()) {
            let claimed = try await outbox.claim(limit: batch, now: clock.now(), for: Self.claimSeconds)
            if claimed.isEmpty { return delivered }
            var next = 0
            var claimedAt = ContinuousClock.now
            do {
                try await transport.withConnection { send in
                    while next < claimed.count {
                        let message = claimed[next]
                        let started = ContinuousClock.now
                        // A slow server: this message and those after it stay this instance's.
                        if started - claimedAt > .seconds(Self.renewEvery) {
                            try await outbox.extendClaim(
                                ids: claimed[next...].map(\.id),
                                until: clock.now().addingTimeInterval(Self.claimSeconds))
                            claimedAt = started
                        }
                        next += 1
                        switch await self.send(message, through: send) {
                        case .delivered: delivered += 1
                        case .failed: break
                        case .connectionLost: return
                        }
                        guard perSecond > 0 else { continue }
                        let spacing = Duration.milliseconds(Int(1_000 / perSecond))
                        let spent = ContinuousClock.now - started
                        if spent < spacing { try? await Task.sleep(for: spacing - spent) }
                    }
                }
            } catch {
                // No connection at all (the server is away, or refuses the sign-in): this batch's messages
                // each count the attempt and wait their turn.
                for message in claimed[next...] { await record(error, for: message) }
                next = claimed.count
            }
            // What a lost connection left untried goes back at once, for the next connection.
            try await outbox.release(ids: claimed[next...].map(\.id))
        }
        return delivered
    }

    private enum Outcome {
        case delivered
        case failed
        case connectionLost
    }

    private func send(_ message: OutboxStore.Claimed, through send: MailTransportSend) async -> Outcome {
        let outbox = self.outbox
        let id = message.id
        do {
            var bytes = message.message
            if message.newsletterID != nil {
                guard let composer else { throw MailFailure("newsletters cannot be written here", isPermanent: true) }
                do {
                    bytes = try await composer.message(for: message)
                } catch let missing as NewsletterComposer.Missing {
                    throw MailFailure(missing.description, isPermanent: true)
                }
            }
            let outcome = try await send(bytes, message.sender, message.recipient, String(id)) {
                try await outbox.markDelivering(id: id)
            }
            logger.info("Mail to \(message.recipient) \(outcome)")
            try await outbox.markSent(id: id, now: clock.now())
            return .delivered
        } catch {
            await record(error, for: message)
            return (error as? MailFailure)?.connectionLost == true ? .connectionLost : .failed
        }
    }

    /// A failed attempt: tried again later with backoff, or given up when the failure is for good.
    private func record(_ error: any Error, for message: OutboxStore.Claimed) async {
        let failure = error as? MailFailure
        let permanent = failure?.isPermanent ?? false
        let wait = permanent || message.attempts > Self.backoff.count ? nil : Self.backoff[message.attempts - 1]
        let reason = failure?.description ?? String(describing: error)
        let next = wait == nil ? "given up" : "trying again later"
        logger.warning("Mail to \(message.recipient) not sent (attempt \(message.attempts)): \(reason); \(next)")
        if failure?.rejectsRecipient == true { await onRejectedRecipient?(message.recipient, reason) }
        try? await outbox.markFailed(
            id: message.id, error: reason, retryAt: wait.map { clock.now().addingTimeInterval($0) })
    }
}
