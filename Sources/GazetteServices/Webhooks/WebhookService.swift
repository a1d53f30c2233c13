import Foundation
import GazetteContent
import GazetteStorage

/// The newsroom's webhooks: endpoints registered, changed, given a new secret or removed; their delivery
/// logs; "send again". Addresses are checked here as they are typed, and again by the sender before each
/// delivery, since a name's answer can change in between.
package struct WebhookService: Sendable {
    package let store: WebhookStore
    package let clock: Clock
    /// Whether loopback and private addresses are allowed (`site.webhooks_private`).
    package let allowsPrivateAddresses: @Sendable () -> Bool
    package var resolve: @Sendable (String) -> [[UInt8]] = PublicAddress.resolve
    package var triesFor: TimeInterval = 86_400
    /// Delivered and failed deliveries are kept this long, then purged.
    package static let keptFor: TimeInterval = 30 * 86_400

    package init(store: WebhookStore, clock: Clock, allowsPrivateAddresses: @escaping @Sendable () -> Bool) {
        self.store = store
        self.clock = clock
        self.allowsPrivateAddresses = allowsPrivateAddresses
    }

    /// Registers an endpoint with a new secret; returns its id. Throws `ValidationErrors` by field.
    package func register(_ form: WebhookEndpointForm) async throws -> Int64 {
        let checked = try check(form)
        return try await store.create(checked, secret: WebhookSignature.newSecret(), now: clock.now())
    }

    /// Changes an endpoint; false when there is none with that id.
    package func update(id: Int64, _ form: WebhookEndpointForm) async throws -> Bool {
        try await store.update(id: id, try check(form), now: clock.now())
    }

    /// A new secret for the endpoint; the old one stops signing at once.
    package func rollSecret(id: Int64) async throws -> Bool {
        try await store.setSecret(id: id, WebhookSignature.newSecret(), now: clock.now())
    }

    package func remove(id: Int64) async throws -> Bool {
        try await store.remove(id: id)
    }

    package func endpoints() async throws -> [WebhookStore.Endpoint] {
        try await store.all()
    }

    package func endpoint(id: Int64) async throws -> WebhookStore.Endpoint? {
        try await store.find(id: id)
    }

    package func deliveries(endpointID: Int64, limit: Int = 50, offset: Int = 0) async throws -> [WebhookStore.Delivery]
    {
        try await store.deliveries(endpointID: endpointID, limit: limit, offset: offset)
    }

    /// Queues a delivery's same payload again, now; nil when there is no such delivery of this endpoint,
    /// false when it is being sent at this moment.
    package func resend(deliveryID: Int64, endpointID: Int64) async throws -> Bool? {
        guard let delivery = try await store.delivery(id: deliveryID), delivery.endpointID == endpointID else {
            return nil
        }
        return try await store.resend(id: deliveryID, now: clock.now(), triesFor: triesFor)
    }

    /// Keeps the delivery log bounded.
    @discardableResult
    package func purgeOld() async throws -> Int {
        try await store.purge(before: clock.now().addingTimeInterval(-Self.keptFor))
    }

    private func check(_ form: WebhookEndpointForm) throws -> WebhookEndpointForm {
        let checked = try form.validated()
        do {
            _ = try WebhookTarget.check(checked.url, allowsPrivateAddresses: allowsPrivateAddresses(), resolve: resolve)
        } catch {
            throw ValidationErrors([ValidationIssue(field: "url", message: error.message)])
        }
        return checked
    }
}
