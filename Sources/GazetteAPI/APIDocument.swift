import Foundation
import Yams

/// The OpenAPI document the server is generated from, as JSON for clients and as a reference page for
/// people. Read once at start-up from the copy bundled with the build.
struct APIDocument: Sendable {
    /// `openapi.json`'s bytes.
    let json: Data
    /// The reference page's bytes.
    let reference: Data
    /// What each operation's parameters take, to name the one at fault.
    let parameters: ParameterRules
    /// Each path's methods, upper case, so that other methods get a 405 that lists them.
    let methods: [String: Set<String>]
    /// The operations that need a token (a non-empty `security`).
    let securedOperations: Set<String>

    static func load() throws -> APIDocument {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
            throw APIDocumentError(message: "openapi.yaml is missing from the build (Sources/GazetteAPI).")
        }
        return try APIDocument(yaml: String(contentsOf: url, encoding: .utf8))
    }

    init(yaml: String) throws {
        guard let tree = try Yams.load(yaml: yaml) as? [String: Any] else {
            throw APIDocumentError(message: "openapi.yaml is not a mapping at its top.")
        }
        let plain = Self.plain(tree)
        json = try JSONSerialization.data(withJSONObject: plain, options: [.sortedKeys])
        reference = Data(APIReferencePage(document: plain as? [String: Any] ?? [:]).html.utf8)
        parameters = ParameterRules(document: plain as? [String: Any] ?? [:])
        let paths = (plain as? [String: Any])?["paths"] as? [String: Any] ?? [:]
        methods = paths.mapValues { item in Set((item as? [String: Any] ?? [:]).keys.map { $0.uppercased() }) }
        securedOperations = Set(
            paths.values.flatMap { item in
                (item as? [String: Any] ?? [:]).values.compactMap { value -> String? in
                    guard let operation = value as? [String: Any], let security = operation["security"] as? [Any],
                        !security.isEmpty
                    else { return nil }
                    return operation["operationId"] as? String
                }
            })
    }

    /// YAML's values in JSON's types: Yams gives dictionaries keyed by `AnyHashable` in nested places.
    private static func plain(_ value: Any) -> Any {
        switch value {
        case let dictionary as [String: Any]: dictionary.mapValues(plain)
        case let dictionary as [AnyHashable: Any]:
            Dictionary(uniqueKeysWithValues: dictionary.map { (String(describing: $0.key.base), plain($0.value)) })
        case let list as [Any]: list.map(plain)
        default: value
        }
    }
}

struct APIDocumentError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
