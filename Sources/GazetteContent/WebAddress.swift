import Foundation

/// Checks for the web addresses that articles link to.
public enum WebAddress {
    /// True for absolute http(s) URLs with a host, within the length limit.
    public static func isHTTP(_ text: String) -> Bool {
        guard text.count <= Limits.urlLength, !text.contains(where: { $0.isWhitespace }),
            let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { return false }
        return true
    }
}
