/// Email checks good enough to catch typing mistakes, without pretending to implement RFC 5322.
public enum EmailAddress {
    /// True for `local@domain.tld` shapes with no spaces and a dot in the domain.
    public static func isPlausible(_ text: String) -> Bool {
        guard text.count <= Limits.emailLength, !text.contains(where: { $0.isWhitespace }) else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        let domain = parts[1]
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
    }
}
