import Foundation

/// What a reader typed into the search box, reduced to the words both engines can look up safely: letters
/// and digits only, so no operator, quote or parenthesis ever reaches the engine's query syntax. Words
/// match whole words; when that finds nothing, the search store tries the last word as a prefix.
public struct SearchQuery: Sendable, Equatable {
    public static let maximumWords = 12
    public static let maximumWordLength = 64

    public let text: String
    public let words: [String]

    public init(_ text: String) {
        let trimmed = String(text.prefix(500)).trimmingCharacters(in: .whitespacesAndNewlines)
        self.text = trimmed
        var words: [String] = []
        var current = ""
        for character in trimmed.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        self.words = Array(words.filter { $0.count <= Self.maximumWordLength }.prefix(Self.maximumWords))
    }

    public var isEmpty: Bool { words.isEmpty }

    /// Whether the last word may also be tried as the start of longer words ("harb" for "harbour"); words
    /// shorter than three letters would match almost everything.
    public var allowsPrefix: Bool {
        (words.last?.count ?? 0) >= 3
    }
}
