import Foundation
import GazetteStorage
import Hummingbird

/// The query parameters of one request, read as WordPress reads them: unknown ones are ignored, known ones
/// are checked and refused with `rest_invalid_param` and a sentence naming what is accepted.
struct WPParameters: Sendable {
    private let values: [String: [String]]

    init(_ request: Request) {
        var values: [String: [String]] = [:]
        for (key, value) in request.uri.queryParameters {
            // `tags[]=1&tags[]=2` is PHP's way to send a list; WordPress clients use it beside `tags=1,2`.
            var name = String(key)
            if name.hasSuffix("[]") { name.removeLast(2) }
            values[name, default: []].append(String(value))
        }
        self.values = values
    }

    /// The raw values given for `name`, an empty list when absent.
    func all(_ name: String) -> [String] { values[name] ?? [] }

    func has(_ name: String) -> Bool { values[name] != nil }

    /// Comma-separated or repeated values, trimmed, without empty ones; at most 100.
    func list(_ name: String) throws(WPError) -> [String] {
        let items = all(name).flatMap { $0.split(separator: ",") }.map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        guard items.count <= 100 else { throw .invalidParameter(name, "\(name) accepts at most 100 values.") }
        return items
    }

    /// A list of ids; 0 only where WordPress gives it a meaning (`allowZero`, "none").
    func ids(_ name: String, allowZero: Bool = false) throws(WPError) -> [Int64] {
        var ids: [Int64] = []
        for (index, text) in try list(name).enumerated() {
            guard let id = Self.integer(text), id > 0 || (allowZero && id == 0) else {
                throw .invalidParameter(name, "\(name)[\(index)] is not a positive whole number (an id such as 12).")
            }
            ids.append(id)
        }
        return ids
    }

    /// A whole number in `range`, or `fallback` when absent.
    func integer(_ name: String, in range: ClosedRange<Int>, fallback: Int) throws(WPError) -> Int {
        guard let text = all(name).last else { return fallback }
        guard let value = Self.integer(text) else {
            throw .invalidParameter(name, "\(name) is not of type integer.")
        }
        guard value >= Int64(range.lowerBound), value <= Int64(range.upperBound) else {
            throw .invalidParameter(
                name,
                range.upperBound == Int.max
                    ? "\(name) must be greater than or equal to \(range.lowerBound)."
                    : "\(name) must be between \(range.lowerBound) (inclusive) and \(range.upperBound) (inclusive).")
        }
        return Int(value)
    }

    /// One of `allowed`, or `fallback` when absent.
    func choice(_ name: String, _ allowed: [String], fallback: String) throws(WPError) -> String {
        guard let value = all(name).last else { return fallback }
        guard allowed.contains(value) else {
            throw .invalidParameter(name, "\(name) is not one of \(allowed.joined(separator: ", ")).")
        }
        return value
    }

    /// A true/false flag as WordPress reads one: 1/0, true/false, yes/no.
    func flag(_ name: String) throws(WPError) -> Bool {
        guard let value = all(name).last?.lowercased() else { return false }
        switch value {
        case "1", "true", "yes", "": return true
        case "0", "false", "no": return false
        default: throw .invalidParameter(name, "\(name) is not of type boolean (true or false).")
        }
    }

    /// Text up to 200 characters, trimmed; empty when absent.
    func text(_ name: String) throws(WPError) -> String {
        let value = (all(name).last ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard value.count <= 200 else { throw .invalidParameter(name, "\(name) is longer than 200 characters.") }
        return value
    }

    /// Digits only (a sign would be a negative id), at most 18 of them so the value fits.
    private static func integer(_ text: String) -> Int64? {
        var digits = Substring(text)
        let negative = digits.first == "-"
        if negative { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let value = Int64(digits)
        else { return nil }
        return negative ? -value : value
    }
}
