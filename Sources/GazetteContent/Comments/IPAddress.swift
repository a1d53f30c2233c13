/// IPv4 and IPv6 addresses as bytes, for block-list ranges and privacy truncation.
public struct IPAddress: Sendable, Equatable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init?(_ text: String) {
        if text.contains(":") {
            guard let bytes = IPAddress.parseV6(text) else { return nil }
            self.bytes = bytes
        } else {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 4 else { return nil }
            var bytes: [UInt8] = []
            for part in parts {
                guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), let value = UInt8(part) else {
                    return nil
                }
                bytes.append(value)
            }
            self.bytes = bytes
        }
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    public var isV4: Bool { bytes.count == 4 }

    /// Keeps the network part only: /24 for IPv4, /48 for IPv6.
    public var truncated: IPAddress {
        let keep = isV4 ? 3 : 6
        return IPAddress(bytes: Array(bytes.prefix(keep)) + Array(repeating: 0, count: bytes.count - keep))
    }

    /// True when this address lies in `range`, written as `203.0.113.0/24`, `2001:db8::/32` or a single address.
    public func isIn(range: String) -> Bool {
        let parts = range.split(separator: "/", maxSplits: 1).map(String.init)
        guard let network = IPAddress(parts[0]), network.bytes.count == bytes.count else { return false }
        let maxBits = bytes.count * 8
        let prefix = parts.count == 2 ? Int(parts[1]) ?? -1 : maxBits
        guard (0...maxBits).contains(prefix) else { return false }
        for bit in 0..<prefix {
            let index = bit / 8
            let mask = UInt8(0x80) >> UInt8(bit % 8)
            if bytes[index] & mask != network.bytes[index] & mask { return false }
        }
        return true
    }

    public var description: String {
        if isV4 { return bytes.map(String.init).joined(separator: ".") }
        var groups: [String] = []
        for index in stride(from: 0, to: 16, by: 2) {
            groups.append(String(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]), radix: 16))
        }
        return groups.joined(separator: ":")
    }

    private static func parseV6(_ text: String) -> [UInt8]? {
        var text = text
        if let zone = text.firstIndex(of: "%") { text = String(text[..<zone]) }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            if part.isEmpty { return [] }
            var result: [UInt16] = []
            for group in part.split(separator: ":", omittingEmptySubsequences: false) {
                if group.contains("."), let v4 = IPAddress(String(group)) {
                    result.append(UInt16(v4.bytes[0]) << 8 | UInt16(v4.bytes[1]))
                    result.append(UInt16(v4.bytes[2]) << 8 | UInt16(v4.bytes[3]))
                    continue
                }
                guard (1...4).contains(group.count), let value = UInt16(group, radix: 16) else { return nil }
                result.append(value)
            }
            return result
        }
        guard let head = groups(halves[0]) else { return nil }
        var all = head
        if halves.count == 2 {
            guard let tail = groups(halves[1]), head.count + tail.count < 8 else { return nil }
            all += Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard all.count == 8 else { return nil }
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] }
    }
}
