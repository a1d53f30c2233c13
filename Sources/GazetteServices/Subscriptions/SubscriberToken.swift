/// The secret in a reader's subscription links: their number, signed with the site's secret. Whoever has
/// one of their emails can manage their subscriptions and nobody else can; it never expires, since an
/// unsubscribe link in an old email must still work.
public struct SubscriberToken: Sendable {
    static let purpose = "subscriber"
    let signer: Signer

    public init(signer: Signer) {
        self.signer = signer
    }

    public func token(for subscriberID: Int64) -> String {
        signer.sign(String(subscriberID), purpose: Self.purpose)
    }

    /// The subscriber a token names, or nil when it is forged or mangled.
    public func subscriberID(_ token: String) -> Int64? {
        signer.verify(token, purpose: Self.purpose).flatMap { Int64($0) }.flatMap { $0 > 0 ? $0 : nil }
    }
}
