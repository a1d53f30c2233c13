import Foundation

/// The readable, URL-safe part of an address: lower-case letters and digits joined by single hyphens.
///
/// Latin letters with accents, Greek and Cyrillic are transliterated ("Café Zürich" → "cafe-zurich",
/// "Москва" → "moskva"); letters of other scripts are kept as they are, so a Japanese or Arabic title
/// still gives a slug its readers can read.
public struct Slug: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public let value: String

    /// Builds a slug from free text such as a headline; nil when the text holds no letter or digit.
    public init?(from text: String, maxLength: Int = Limits.slugLength) {
        let words = Slug.words(in: Transliteration.latin(text))
        guard !words.isEmpty else { return nil }
        self.value = Slug.join(words, maxLength: maxLength)
    }

    /// Builds a slug from free text, or uses `fallback` when the text has nothing usable.
    public init(from text: String, fallback: String) {
        self = Slug(from: text) ?? Slug(trusted: fallback)
    }

    /// Accepts a slug a person typed only when it already follows the rules.
    public init?(validating text: String) {
        guard !text.isEmpty, text.count <= Limits.slugLength else { return nil }
        // Most slugs are plain ASCII, checked byte by byte; others are checked by rebuilding them.
        guard Slug.isPlainASCII(text) || Slug(from: text)?.value == text else { return nil }
        self.value = text
    }

    /// Lower-case ASCII letters and digits in words joined by single hyphens.
    private static func isPlainASCII(_ text: String) -> Bool {
        var previous = UInt8(ascii: "-")
        for byte in text.utf8 {
            let isWordByte =
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            guard isWordByte || (byte == UInt8(ascii: "-") && previous != UInt8(ascii: "-")) else { return false }
            previous = byte
        }
        return previous != UInt8(ascii: "-")
    }

    /// Wraps a value that came from storage, where only valid slugs are ever written.
    public init(trusted value: String) {
        self.value = value
    }

    /// The slug with a counter, for the second article of a day with the same headline ("budget-2").
    public func numbered(_ number: Int) -> Slug {
        let suffix = "-\(number)"
        let room = Limits.slugLength - suffix.count
        var base = String(value.prefix(room))
        while base.hasSuffix("-") { base.removeLast() }
        return Slug(trusted: base + suffix)
    }

    public static let rulesMessage =
        "A slug may use only lower-case letters, digits and single hyphens between them (for example my-first-story)."

    public var description: String { value }

    public static func < (lhs: Slug, rhs: Slug) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        self.value = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    private static func words(in text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if character == "'" || character == "’" {
                continue  // "don't" reads better as "dont" than as "don-t"
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Joins whole words while they fit; a single over-long word is cut.
    private static func join(_ words: [String], maxLength: Int) -> String {
        var result = ""
        for word in words {
            let candidate = result.isEmpty ? word : result + "-" + word
            if candidate.count > maxLength {
                if result.isEmpty { result = String(word.prefix(maxLength)) }
                break
            }
            result = candidate
        }
        return result
    }
}
