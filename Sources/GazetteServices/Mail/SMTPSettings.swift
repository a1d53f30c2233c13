import Foundation

/// Where and how to hand mail to a server, from `--smtp-url` / `GAZETTE_SMTP_URL`:
/// `smtp://user:password@host:587` (STARTTLS when the server offers it, required before signing in unless
/// the server is on this machine) or `smtps://user:password@host:465` (TLS from the first byte).
/// `?ca=/path/ca.pem` trusts a private certificate authority as well as the system's.
package struct SMTPSettings: Sendable, Equatable {
    package var host: String
    package var port: Int
    package var implicitTLS: Bool
    package var username: String?
    package var password: String?
    /// Extra certificate authorities to trust (a PEM file).
    package var caFile: String?
    /// Seconds any one exchange with the server may take.
    package var timeout: Int = 30

    package init(
        host: String, port: Int, implicitTLS: Bool, username: String? = nil, password: String? = nil,
        caFile: String? = nil
    ) {
        self.host = host
        self.port = port
        self.implicitTLS = implicitTLS
        self.username = username
        self.password = password
        self.caFile = caFile
    }

    /// Reads an `smtp://` or `smtps://` address; nil, with the reason, for anything else.
    package static func parse(_ text: String) -> Result<SMTPSettings, SMTPSettingsError> {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(),
            scheme == "smtp" || scheme == "smtps"
        else { return .failure(SMTPSettingsError("the address must start with smtp:// or smtps://")) }
        guard let host = url.host, !host.isEmpty else { return .failure(SMTPSettingsError("the address has no host")) }
        let implicit = scheme == "smtps"
        var settings = SMTPSettings(
            host: host, port: url.port ?? (implicit ? 465 : 587), implicitTLS: implicit,
            username: url.user?.removingPercentEncoding, password: url.password?.removingPercentEncoding)
        for item in url.queryItems ?? [] where item.name == "ca" { settings.caFile = item.value }
        if (settings.username == nil) != (settings.password == nil) {
            return .failure(SMTPSettingsError("give both a user name and a password, or neither"))
        }
        return .success(settings)
    }

    /// Whether the server runs on this machine, where a password may travel without TLS.
    package var isLoopback: Bool {
        ["127.0.0.1", "::1", "localhost"].contains(host.lowercased())
    }

    /// For the log: never the password.
    package var summary: String {
        "\(implicitTLS ? "smtps" : "smtp")://\(username.map { $0 + "@" } ?? "")\(host):\(port)"
    }
}

package struct SMTPSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    package let description: String

    package init(_ description: String) {
        self.description = description
    }
}
