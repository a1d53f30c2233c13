import Foundation

/// What a reader typed into the search box, reduced to the words both engines can look up safely: letters
/// and digits only, so no operator, quote or parenthesis ever reaches the engine's query syntax. The last
/// word of three letters or more also matches as a prefix ("harb" finds "harbour"); shorter ones would
/// match almost everything.
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

    private func isPrefix(_ index: Int) -> Bool {
        index == words.count - 1 && words[index].count >= 3
    }

    /// FTS5: every word must appear; each is a quoted string, the last one a prefix.
    public var ftsMatch: String {
        words.enumerated().map { index, word in
            "\"\(word)\"" + (isPrefix(index) ? "*" : "")
        }.joined(separator: " ")
    }

    /// PostgreSQL `to_tsquery`: every word must appear, the last one as a prefix.
    public var tsQuery: String {
        words.enumerated().map { index, word in
            word + (isPrefix(index) ? ":*" : "")
        }.joined(separator: " & ")
    }
}
