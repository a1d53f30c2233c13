import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps fetches of feeds and media to the public internet: an address that names this machine, a private or
/// link-local network, or a cloud provider's metadata service (169.254.169.254, fd00:ec2::254) is refused,
/// checked on the addresses the host name resolves to, and again at every redirect. A site whose feeds live on
/// its own network allows them in the settings (`site.feeds_private`).
///
/// Between this check and the connection the name is resolved again, so a name whose answer changes in that
/// moment (DNS rebinding) could still reach a private address; the check closes every other way.
package enum PublicAddress {
    package struct Refusal: Error, Equatable {
        package let host: String
        package let address: String
    }

    /// Throws `Refusal` when `host` is, or resolves to, an address that is not public; resolution failures are
    /// left to the fetch, which reports them in its own words.
    package static func check(host: String) throws(Refusal) {
        for address in resolve(host) where !isPublic(address) {
            throw Refusal(host: host, address: describe(address))
        }
    }

    /// The addresses of `host` (a name or a literal address), as 4 or 16 bytes each.
    package static func resolve(_ host: String) -> [[UInt8]] {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(bare, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(list) }
        var addresses: [[UInt8]] = []
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let current = entry {
            if let socket = current.pointee.ai_addr {
                if current.pointee.ai_family == AF_INET {
                    socket.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                        addresses.append(withUnsafeBytes(of: $0.pointee.sin_addr) { Array($0) })
                    }
                } else if current.pointee.ai_family == AF_INET6 {
                    socket.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                        addresses.append(withUnsafeBytes(of: $0.pointee.sin6_addr) { Array($0) })
                    }
                }
            }
            entry = current.pointee.ai_next
        }
        return addresses
    }

    /// False for loopback, private, shared, link-local (cloud metadata), multicast, reserved and documentation
    /// ranges, and for IPv6 forms that carry one of those IPv4 addresses.
    package static func isPublic(_ address: [UInt8]) -> Bool {
        if address.count == 4 { return isPublicIPv4(address) }
        guard address.count == 16 else { return false }
        let a = address
        let zeroPrefix = a[0..<10].allSatisfy { $0 == 0 }
        // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), 64:ff9b::a.b.c.d (NAT64): the IPv4 address decides.
        if zeroPrefix && ((a[10] == 0xFF && a[11] == 0xFF) || (a[10] == 0 && a[11] == 0)) {
            if a[0..<15].allSatisfy({ $0 == 0 }) { return false }  // :: and ::1
            return isPublicIPv4(Array(a[12..<16]))
        }
        if a[0] == 0x00 && a[1] == 0x64 && a[2] == 0xFF && a[3] == 0x9B { return isPublicIPv4(Array(a[12..<16])) }
        // 2002::/16 (6to4) carries an IPv4 address in its next four bytes.
        if a[0] == 0x20 && a[1] == 0x02 { return isPublicIPv4(Array(a[2..<6])) }
        if a[0] & 0xFE == 0xFC { return false }  // fc00::/7 unique local, fd00:ec2::254 among them
        if a[0] == 0xFE && a[1] & 0xC0 == 0x80 { return false }  // fe80::/10 link-local
        if a[0] == 0xFF { return false }  // multicast
        if a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x0D && a[3] == 0xB8 { return false }  // documentation
        return true
    }

    package static func isPublicIPv4(_ a: [UInt8]) -> Bool {
        switch (a[0], a[1]) {
        case (0, _), (10, _), (127, _): false
        case (100, 64...127): false  // shared address space (carrier NAT)
        case (169, 254): false  // link-local, and the metadata service
        case (172, 16...31), (192, 168): false
        case (192, 0) where a[2] == 0 || a[2] == 2: false
        case (198, 18...19): false
        case (198, 51) where a[2] == 100, (203, 0) where a[2] == 113: false
        case (224...255, _): false  // multicast, reserved, broadcast
        default: true
        }
    }

    package static func describe(_ address: [UInt8]) -> String {
        if address.count == 4 { return address.map(String.init).joined(separator: ".") }
        return stride(from: 0, to: address.count, by: 2).map {
            String(UInt16(address[$0]) << 8 | UInt16(address[$0 + 1]), radix: 16)
        }.joined(separator: ":")
    }
}
