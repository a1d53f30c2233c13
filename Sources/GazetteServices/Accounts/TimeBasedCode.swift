import Crypto
import Foundation

/// The six-digit codes an authenticator app shows (TOTP, RFC 6238 over HOTP, RFC 4226: HMAC-SHA-1 of the
/// 30-second step count, dynamically truncated), and the `otpauth://` link that sets an app up.
///
/// The key is the secret's UTF-8 bytes; the app receives them in Base32 (RFC 4648, no padding).
package struct TimeBasedCode: Sendable {
    package static let digits = 6
    package static let stepSeconds: Int64 = 30

    package let key: [UInt8]

    package init(secret: String) {
        key = Array(secret.utf8)
    }

    /// The code for one time step (seconds since 1970 divided by 30).
    package func code(step: Int64) -> Int {
        var counter = UInt64(bitPattern: step).bigEndian
        let message = withUnsafeBytes(of: &counter) { Array($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: key)))
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let truncated =
            (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8)
            | UInt32(mac[offset + 3])
        return Int(truncated % 1_000_000)
    }

    /// The step a moment falls in.
    package static func step(at date: Date) -> Int64 {
        Int64(date.timeIntervalSince1970) / stepSeconds
    }

    /// The key as an app takes it typed in.
    package var base32Key: String { Self.base32(key) }

    /// `otpauth://totp/Issuer:label?secret=…&issuer=Issuer`, the link a phone opens (Key Uri Format).
    package func authenticatorURL(label: String, issuer: String) -> String {
        let pathSafe = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))
        let querySafe = CharacterSet.urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+#"))
        let label = label.addingPercentEncoding(withAllowedCharacters: pathSafe) ?? ""
        let issuer = issuer.addingPercentEncoding(withAllowedCharacters: querySafe) ?? ""
        return "otpauth://totp/\(label)?secret=\(base32Key)&issuer=\(issuer)"
    }

    /// RFC 4648 Base32 without padding: every five bits become one of A–Z, 2–7.
    package static func base32(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var output = ""
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[Int((buffer >> UInt32(bits - 5)) & 0x1F)])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[Int((buffer << UInt32(5 - bits)) & 0x1F)]) }
        return output
    }
}
