import Foundation
import GazetteContent
import GazetteStorage

/// Readers' email subscriptions: asking (double opt-in: nothing is sent until the reader confirms from the
/// email), confirming, managing and leaving through the signed link in every email, and addresses that
/// bounce for good.
public struct SubscriptionService: Sendable {
    private let store: SubscriberStore
    private let notifier: ReaderNotifier
    package let tokens: SubscriberToken
    private let clock: Clock
    private let limiter: RequestLimiter
    /// Requests one client address may make in a quarter of an hour.
    package static let requestsPerAddress = 10

    package init(store: SubscriberStore, notifier: ReaderNotifier, clock: Clock) {
        self.store = store
        self.notifier = notifier
        self.tokens = notifier.tokens
        self.clock = clock
        limiter = RequestLimiter(limit: Self.requestsPerAddress, window: 900)
    }

    /// Writes readers' emails inside the transactions of comments approved.
    package var writer: SubscriberStore.Writer { notifier.writer }

    public enum Outcome: Sendable, Equatable {
        /// A confirmation email is on its way.
        case confirmationSent
        /// They already follow everything asked for.
        case alreadyFollowing
        /// Not an address mail can go to, or one that bounced.
        case invalidAddress
        /// Too many requests from this client just now.
        case throttled
    }

    /// `email` asks to follow `topics`; `consent` records where ("comment form", "subscribe form").
    public func request(
        email typed: String, topics: [SubscriptionTopic], consent: String, ip: String
    ) async throws -> Outcome {
        guard !topics.isEmpty, let address = MailAddress(typed.trimmingCharacters(in: .whitespacesAndNewlines))
        else { return .invalidAddress }
        let now = clock.now()
        guard limiter.allow(ip, now: now) else { return .throttled }
        switch try await store.request(
            email: address.address, topics: topics, consent: consent, now: now, writer: notifier.writer)
        {
        case .confirmationSent: return .confirmationSent
        case .alreadyFollowing: return .alreadyFollowing
        case .refused: return .invalidAddress
        }
    }

    /// Confirms what the token's reader asked for; nil when the token is not a reader's.
    public func confirm(token: String) async throws -> [ReaderNotice.NamedTopic]? {
        guard let id = tokens.subscriberID(token), try await store.subscriber(id: id) != nil else { return nil }
        return try await store.confirm(subscriberID: id, now: clock.now())
    }

    /// The token's reader and what they follow; nil when the token is not a reader's.
    public func subscriber(token: String) async throws -> SubscriberStore.Subscriber? {
        guard let id = tokens.subscriberID(token) else { return nil }
        return try await store.subscriber(id: id)
    }

    /// The reader with this address (the newsroom's view).
    public func subscriber(email: String) async throws -> SubscriberStore.Subscriber? {
        guard let id = try await store.id(email: email) else { return nil }
        return try await store.subscriber(id: id)
    }

    /// Stops what `scope` names; false when the token is not a reader's.
    public func unsubscribe(token: String, from scope: UnsubscribeScope) async throws -> Bool {
        guard let id = tokens.subscriberID(token), let reader = try await store.subscriber(id: id) else {
            return false
        }
        let topics: [SubscriptionTopic]? =
            switch scope {
            case .topic(let topic): [topic]
            case .newsletters: (reader.following + reader.waiting).map(\.topic).filter(\.isNewsletter)
            case .everything: nil
            }
        return try await store.unsubscribe(subscriberID: id, from: topics, now: clock.now())
    }

    /// A mail server refused `email` for good while Gazette sent to it.
    public func bounced(email: String, reason: String) async throws {
        try await store.markBounced(email: email, reason: reason, now: clock.now())
    }

    /// Forgets requests never confirmed within a week.
    @discardableResult
    public func purgeUnconfirmed() async throws -> Int {
        try await store.purgeUnconfirmed(now: clock.now())
    }
}
