import Crypto
import Foundation

/// The `Gazette-Signature` header, as Stripe signs its webhooks: `t=<unix seconds>,v1=<hex HMAC-SHA256 of
/// "<t>.<body>">` with the endpoint's secret. The time is signed with the body, so a receiver can refuse a
/// request replayed long after it was made.
package enum WebhookSignature {
    package static func header(body: String, secret: String, at time: Date) -> String {
        let seconds = Int64(time.timeIntervalSince1970.rounded(.down))
        return "t=\(seconds),v1=" + hex(body: body, secret: secret, seconds: seconds)
    }

    package static func hex(body: String, secret: String, seconds: Int64) -> String {
        let key = SymmetricKey(data: Data(secret.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(seconds).\(body)".utf8), using: key)
        return mac.map { String(format: "%02x", $0) }.joined()
    }

    /// A new endpoint secret: 32 random bytes, with a prefix that says what it is when it turns up in a
    /// configuration file.
    package static func newSecret() -> String {
        "whsec_" + SecretToken.make()
    }
}
