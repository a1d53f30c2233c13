import Crypto
import Foundation

/// Signs small values with the site's secret so readers' browsers can carry them without being able to
/// forge them: the comment form's timestamp and the list of a reader's pending comments.
public struct Signer: Sendable {
    private let key: SymmetricKey

    public init(secret: String) {
        key = SymmetricKey(data: Data(secret.utf8))
    }

    /// `value.signature`, using only characters that are safe in cookies and form fields.
    public func sign(_ value: String, purpose: String) -> String {
        value + "." + signature(value, purpose: purpose)
    }

    /// The value inside a signed text, or nil when the signature does not match.
    public func verify(_ signed: String, purpose: String) -> String? {
        guard let dot = signed.lastIndex(of: ".") else { return nil }
        let value = String(signed[..<dot])
        let given = Data(signed[signed.index(after: dot)...].utf8)
        let expected = Data(signature(value, purpose: purpose).utf8)
        // Constant-time comparison, so timing reveals nothing about the right signature.
        guard given.count == expected.count else { return nil }
        var difference: UInt8 = 0
        for (a, b) in zip(given, expected) { difference |= a ^ b }
        return difference == 0 ? value : nil
    }

    private func signature(_ value: String, purpose: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(purpose)\n\(value)".utf8), using: key)
        return Base64URL.encode(Data(mac))
    }
}

/// The comment form's signed timestamp: proves when the server showed the form, to catch bots that post
/// faster than a person can type.
package struct FormTimestamp {
    package static let purpose = "comment-form"
    package let signer: Signer

    package func token(articleID: Int64, shownAt: Date) -> String {
        signer.sign("\(articleID)-\(Int64(shownAt.timeIntervalSince1970))", purpose: Self.purpose)
    }

    /// Seconds since the form was shown, or nil when the token is missing, forged or for another article.
    package func secondsSinceShown(_ token: String, articleID: Int64, now: Date) -> Double? {
        guard let value = signer.verify(token, purpose: Self.purpose) else { return nil }
        let parts = value.split(separator: "-")
        guard parts.count == 2, Int64(parts[0]) == articleID, let shown = Double(parts[1]) else { return nil }
        return max(0, now.timeIntervalSince1970 - shown)
    }
}

/// The signed cookie that lets a reader see their own comments while they await moderation.
package struct PendingCommentsCookie {
    package static let name = "gazette_pending"
    package static let purpose = "pending-comments"
    package static let maximumRemembered = 20
    package let signer: Signer

    package func value(ids: [Int64]) -> String {
        signer.sign(ids.suffix(Self.maximumRemembered).map(String.init).joined(separator: "_"), purpose: Self.purpose)
    }

    package func ids(from value: String?) -> [Int64] {
        guard let value, let list = signer.verify(value, purpose: Self.purpose) else { return [] }
        return list.split(separator: "_").compactMap { Int64($0) }
    }
}
