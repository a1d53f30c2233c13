import Foundation
import HTTPTypes
import OpenAPIRuntime

/// What each operation's parameters take, read from the OpenAPI document, so that a value the generated
/// code could not read is named in the answer: its decoding errors say which type failed, not which
/// parameter.
struct ParameterRules: Sendable {
    struct Rule: Sendable {
        let name: String
        let location: String
        let type: String
        let format: String?
        let values: [String]?

        /// A sentence saying what this parameter takes, when `value` is not it; nil when it is.
        func refusal(of value: String) -> String? {
            if let values, !values.contains(value) {
                return "\(name) takes one of \(values.joined(separator: ", ")); it was “\(value)”."
            }
            switch (type, format) {
            case ("integer", _) where Int64(value) == nil:
                return "\(name) should be a whole number; it was “\(value)”."
            case ("string", "date-time") where (try? Date(value, strategy: .iso8601)) == nil:
                return "\(name) takes a date and time such as 2026-12-03T09:30:00Z; it was “\(value)”."
            case ("boolean", _) where !["true", "false"].contains(value):
                return "\(name) takes true or false; it was “\(value)”."
            default:
                return nil
            }
        }
    }

    private let rules: [String: [Rule]]

    init(document: [String: Any]) {
        var rules: [String: [Rule]] = [:]
        let paths = document["paths"] as? [String: Any] ?? [:]
        let shared = (document["components"] as? [String: Any])?["parameters"] as? [String: Any] ?? [:]
        let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
        func resolve(_ value: Any?, in table: [String: Any]) -> [String: Any]? {
            guard let object = value as? [String: Any] else { return nil }
            guard let reference = object["$ref"] as? String else { return object }
            return table[String(reference.split(separator: "/").last ?? "")] as? [String: Any]
        }
        for item in paths.values {
            for case let operation as [String: Any] in (item as? [String: Any] ?? [:]).values {
                guard let id = operation["operationId"] as? String else { continue }
                rules[id] = (operation["parameters"] as? [Any] ?? []).compactMap { entry in
                    guard let parameter = resolve(entry, in: shared), let name = parameter["name"] as? String,
                        let schema = resolve(parameter["schema"], in: schemas)
                    else { return nil }
                    return Rule(
                        name: name, location: parameter["in"] as? String ?? "query",
                        type: schema["type"] as? String ?? "string", format: schema["format"] as? String,
                        values: (schema["enum"] as? [Any])?.map { "\($0)" })
                }
            }
        }
        self.rules = rules
    }

    /// The first parameter of the request that its operation cannot read, and why.
    func firstRefusal(
        operationID: String, request: HTTPRequest, metadata: ServerRequestMetadata
    )
        -> (name: String, detail: String)?
    {
        let query = URLComponents(string: request.path ?? "")?.queryItems ?? []
        for rule in rules[operationID] ?? [] {
            let values: [String]
            switch rule.location {
            case "path": values = metadata.pathParameters[rule.name].map { [String($0)] } ?? []
            case "query": values = query.filter { $0.name == rule.name }.compactMap(\.value)
            case "header":
                values = HTTPField.Name(rule.name).flatMap { request.headerFields[$0] }.map { [$0] } ?? []
            default: values = []
            }
            for value in values {
                if let refusal = rule.refusal(of: value) { return (rule.name, refusal) }
            }
        }
        return nil
    }
}
