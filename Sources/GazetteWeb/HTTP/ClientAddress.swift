import GazetteContent

/// The reader's IP address. Behind a load balancer the connection comes from the proxy, so the
/// `X-Forwarded-For` header is believed — but only when the connection comes from a trusted proxy.
package struct ClientAddress: Sendable {
    /// Addresses and ranges of the proxies in front of Gazette (`--trusted-proxies 127.0.0.1,10.0.0.0/8`).
    package let trustedProxies: [String]

    package init(trustedProxies: [String]) {
        self.trustedProxies = trustedProxies
    }

    package func resolve(peer: String, forwardedFor: String?) -> String {
        guard let header = forwardedFor, isTrusted(peer) else { return peer }
        // The right-most address that is not one of our proxies is the one that connected to them.
        let hops = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in hops.reversed() where IPAddress(hop) != nil {
            if !isTrusted(hop) { return hop }
        }
        return hops.first.flatMap { IPAddress($0) != nil ? $0 : nil } ?? peer
    }

    private func isTrusted(_ address: String) -> Bool {
        guard let ip = IPAddress(address) else { return false }
        return trustedProxies.contains { ip.isIn(range: $0) }
    }
}
