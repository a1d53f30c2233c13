import Foundation
import GazetteContent

/// Where a delivery goes, checked: an http(s) address whose host name was resolved here, every answer
/// public unless the site allows private ones. The client connects to `address` (the one checked), never to
/// the name again, so a name that changes its answer between check and connection (DNS rebinding) cannot
/// lead it to this machine or a private network. Every address the name gave is checked; the client tries
/// them in turn (a name with an IPv6 address this machine cannot reach still gets its IPv4 one).
package struct WebhookTarget: Sendable, Equatable {
    package let isTLS: Bool
    package let host: String
    package let port: Int
    /// The path and query to request, `/` at least.
    package let target: String
    /// Each 4 or 16 bytes, in the resolver's order; never empty.
    package let addresses: [[UInt8]]

    /// Why an address cannot be used, in words for the newsroom's log and forms.
    package struct Refusal: Error, Equatable, CustomStringConvertible {
        package let message: String
        package var description: String { message }
    }

    /// Checks `url` and resolves its host; `resolve` is replaceable so tests can give any answer.
    package static func check(
        _ url: String, allowsPrivateAddresses: Bool,
        resolve: (String) -> [[UInt8]] = PublicAddress.resolve
    ) throws(Refusal) -> WebhookTarget {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let rawHost = components.host, !rawHost.isEmpty
        else { throw Refusal(message: "\(url) is not an http:// or https:// address.") }
        let host = rawHost.hasPrefix("[") ? String(rawHost.dropFirst().dropLast()) : rawHost
        let addresses = resolve(host)
        guard !addresses.isEmpty else {
            throw Refusal(message: "The name \(host) could not be found (DNS).")
        }
        if !allowsPrivateAddresses, let refused = addresses.first(where: { !PublicAddress.isPublic($0) }) {
            throw Refusal(
                message: "\(host) leads to \(PublicAddress.describe(refused)), an address on this machine or a "
                    + "private network; webhooks go only to public addresses unless an admin allows private ones "
                    + "in the settings.")
        }
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        let query = components.percentEncodedQuery.map { "?" + $0 } ?? ""
        return WebhookTarget(
            isTLS: scheme == "https", host: host, port: components.port ?? (scheme == "https" ? 443 : 80),
            target: path + query, addresses: addresses)
    }

    /// The `Host` header: the name, with the port when it is not the scheme's own.
    package var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == (isTLS ? 443 : 80) ? name : "\(name):\(port)"
    }
}
