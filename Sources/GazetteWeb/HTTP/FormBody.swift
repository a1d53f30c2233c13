import Foundation

/// Reads an `application/x-www-form-urlencoded` body. Malformed escapes are kept as typed, never fatal.
package struct FormBody: Sendable {
    package private(set) var fields: [String: [String]] = [:]

    package init(_ text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            fields[name, default: []].append(value)
        }
    }

    /// A form whose fields were read elsewhere, such as from a multipart body.
    package init(fields: [String: [String]]) {
        self.fields = fields
    }

    /// The field's first value, as browsers send most fields once; empty when missing.
    package subscript(_ name: String) -> String { fields[name]?.first ?? "" }

    /// Every value of a repeated field, such as checked boxes.
    package func values(_ name: String) -> [String] { fields[name] ?? [] }

    package static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    package static func encode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
