import Foundation

/// Checks for the web addresses that articles and comments link to.
public enum WebAddress {
    /// Characters that never belong in an address as typed into a form or front matter.
    private static let forbidden: Set<Character> = ["<", ">", "\"", "'", "`", "\\", "{", "}", "|", "^"]

    /// True for absolute http(s) URLs whose host is a real host name (letters, digits, hyphens and dots,
    /// in any script), an IPv4 address or a bracketed IPv6 address, within the length limit.
    public static func isHTTP(_ text: String) -> Bool {
        guard text.count <= Limits.urlLength, !text.contains(where: { $0.isWhitespace || forbidden.contains($0) }),
            text.filter({ $0 == "#" }).count <= 1,
            let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { return false }
        if host.hasPrefix("[") { return IPAddress(String(host.dropFirst().dropLast())) != nil }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0 == "-" || $0.isLetter || $0.isNumber }
        }
    }
}
