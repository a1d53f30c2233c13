import Foundation
import Yams

/// Splits a Markdown file into its YAML header and its body.
package struct FrontMatterDocument {
    package let fields: [String: Any]
    package let body: String
    /// The line where the body starts, for error messages about the body.
    package let bodyLine: Int

    package struct ParseError: Error {
        package let line: Int
        package let message: String
    }

    package init(text: String) throws(ParseError) {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(
            of: "\u{FEFF}", with: "")
        var lines = normalized.components(separatedBy: "\n")
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else {
            throw ParseError(line: 1, message: "the file must start with a front-matter block opened by “---”")
        }
        lines.removeFirst()
        guard let end = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else {
            throw ParseError(line: 1, message: "the front-matter block opened by “---” on line 1 is never closed")
        }
        let yaml = lines[..<end].joined(separator: "\n")
        body = lines[(end + 1)...].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        bodyLine = end + 3
        let parsed: Any?
        do {
            // Dates stay text so they are read in the site's time zone, not as UTC by Yams.
            parsed = try BoundedYAML.load(yaml, resolver: Resolver.default.removing(.timestamp))
        } catch BoundedYAML.Refusal.tooLarge {
            throw ParseError(
                line: 2, message: "the front matter is too long: at most \(BoundedYAML.maximumBytes / 1024) KB")
        } catch BoundedYAML.Refusal.tooManyNodes {
            throw ParseError(
                line: 2,
                message: "the front matter repeats itself too often (aliases) or nests too deeply to be read safely")
        } catch let error as YamlError {
            throw Self.describe(error)
        } catch {
            throw ParseError(line: 2, message: "the front matter is not valid YAML")
        }
        if parsed == nil {
            fields = [:]
        } else if let mapping = parsed as? [String: Any] {
            fields = mapping
        } else {
            throw ParseError(line: 2, message: "the front matter must be a list of “name: value” lines")
        }
    }

    /// Yams reports positions inside the YAML; the file's line is one more, for the opening `---`.
    private static func describe(_ error: YamlError) -> ParseError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return ParseError(line: mark.line + 1, message: "the front matter is not valid YAML (\(problem))")
        case .composer(_, let problem, let mark, _):
            return ParseError(line: mark.line + 1, message: "the front matter is not valid YAML (\(problem))")
        default:
            return ParseError(line: 2, message: "the front matter is not valid YAML")
        }
    }
}
