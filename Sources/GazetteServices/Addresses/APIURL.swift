import Foundation
import GazetteContent

/// The API's addresses: `/api/v1/…`, absolute in answers (a client may be anywhere).
public struct APIURL: Sendable {
    /// Where every API path starts.
    public static let prefix = "/api/v1"
    /// The OpenAPI document that describes the API.
    public static let document = prefix + "/openapi.json"
    /// The reference page a person reads.
    public static let reference = prefix + "/"

    public let base: String

    public init(site: SiteURL) {
        base = site.base + Self.prefix
    }

    public func articles(_ query: [(String, String)] = []) -> String { base + "/articles" + Self.query(query) }
    public func article(_ id: Int64) -> String { base + "/articles/\(id)" }
    public func comments(ofArticle id: Int64, _ query: [(String, String)] = []) -> String {
        base + "/articles/\(id)/comments" + Self.query(query)
    }
    public func list(_ name: String, _ query: [(String, String)]) -> String { base + "/" + name + Self.query(query) }

    /// `?a=1&b=2`, each value escaped for a query string; empty without parameters.
    public static func query(_ parameters: [(String, String)]) -> String {
        guard !parameters.isEmpty else { return "" }
        return "?" + parameters.map { "\($0.0)=\(escape($0.1))" }.joined(separator: "&")
    }

    private static func escape(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}
