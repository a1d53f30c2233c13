import Foundation
import Yams

/// YAML from files a person hands Gazette, read within bounds. Yams expands aliases when it builds values, so
/// a few hundred bytes of nested aliases ("a billion laughs") would build gigabytes; the document is therefore
/// composed first (aliases there share one node) and its expanded size counted before any value is built.
package enum BoundedYAML {
    /// Front matter and configuration files are a few dozen lines; this is generous.
    package static let maximumBytes = 256 * 1024
    /// Nodes after expanding aliases: a large front matter has a few hundred.
    package static let maximumNodes = 20_000
    package static let maximumDepth = 64

    package enum Refusal: Error, Equatable, CustomStringConvertible {
        case tooLarge
        case tooManyNodes

        package var description: String {
            switch self {
            case .tooLarge: "longer than \(BoundedYAML.maximumBytes / 1024) KB"
            case .tooManyNodes: "it repeats itself too often through aliases, or nests too deeply"
            }
        }
    }

    /// The document's value, or nil for an empty one. Throws `Refusal`, or Yams' `YamlError` for bad syntax.
    package static func load(_ text: String, resolver: Resolver = .default) throws -> Any? {
        guard text.utf8.count <= maximumBytes else { throw Refusal.tooLarge }
        guard let node = try Parser(yaml: text, resolver: resolver).singleRoot() else { return nil }
        var budget = maximumNodes
        guard fits(node, budget: &budget, depth: 0) else { throw Refusal.tooManyNodes }
        return node.any
    }

    /// Counts the node and everything under it against `budget`, as building values would visit them.
    private static func fits(_ node: Node, budget: inout Int, depth: Int) -> Bool {
        budget -= 1
        guard budget >= 0, depth <= maximumDepth else { return false }
        switch node {
        case .scalar, .alias:
            return true
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard fits(key, budget: &budget, depth: depth + 1), fits(value, budget: &budget, depth: depth + 1)
                else { return false }
            }
        case .sequence(let sequence):
            for item in sequence where !fits(item, budget: &budget, depth: depth + 1) { return false }
        }
        return true
    }
}
