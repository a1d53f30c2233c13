import Foundation

/// Plausible newsroom prose for sample sites: words drawn with the skewed frequencies of real text (a few
/// very common words, a long tail of rare ones), so that search, feeds and pages see realistic sizes and
/// term distributions. The same seed always gives the same text.
package struct SampleText {
    package var random: SeededRandom
    private let vocabulary: [String]
    /// Running totals of the words' weights, for drawing a word by binary search.
    private let cumulativeWeights: [Double]

    package init(seed: UInt64, tailSize: Int = 20_000) {
        random = SeededRandom(seed: seed)
        var words = Self.commonWords
        var seen = Set(words)
        var syllables = SeededRandom(seed: seed ^ 0x5EED)
        while words.count < Self.commonWords.count + tailSize {
            let word = Self.inventedWord(&syllables)
            if seen.insert(word).inserted { words.append(word) }
        }
        vocabulary = words
        var total = 0.0
        cumulativeWeights = words.indices.map { rank in
            // Zipf's law with the exponent English text shows: the r-th word is ~1/r as frequent as the first.
            total += 1 / pow(Double(rank + 1), 1.05)
            return total
        }
    }

    /// The words in order of frequency, most common first; benchmarks pick queries from it.
    package var wordsByFrequency: [String] { vocabulary }

    package mutating func int(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &random)
    }

    package mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &random) < probability
    }

    package mutating func pick<T>(_ items: [T]) -> T {
        items[int(0...items.count - 1)]
    }

    package mutating func word() -> String {
        let target = Double.random(in: 0..<cumulativeWeights[cumulativeWeights.count - 1], using: &random)
        var low = 0
        var high = cumulativeWeights.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulativeWeights[middle] <= target { low = middle + 1 } else { high = middle }
        }
        return vocabulary[low]
    }

    /// A word that carries meaning, for headlines and tags: the commonest function words are skipped.
    package mutating func contentWord() -> String {
        while true {
            let candidate = word()
            if !Self.functionWords.contains(candidate) { return candidate }
        }
    }

    package mutating func headline() -> String {
        let words = (0..<int(5...11)).map { _ in contentWord() }
        return words.enumerated().map { index, word in index == 0 ? word.capitalizedFirst : word }
            .joined(separator: " ")
    }

    package mutating func sentence(words range: ClosedRange<Int> = 8...24) -> String {
        var words = (0..<int(range)).map { _ in word() }
        words[0] = words[0].capitalizedFirst
        if words.count > 10, chance(0.3) { words[words.count / 2] += "," }
        return words.joined(separator: " ") + (chance(0.05) ? "?" : ".")
    }

    package mutating func paragraph() -> String {
        (0..<int(2...6)).map { _ in sentence() }.joined(separator: " ")
    }

    /// An article body in Markdown of about `wordCount` words: paragraphs, now and then a subheading, a
    /// quotation, a link or emphasis, as reporters write them.
    package mutating func body(wordCount: Int) -> String {
        var blocks: [String] = []
        var written = 0
        while written < wordCount {
            var block = paragraph()
            if chance(0.15) {
                let anchor = contentWord()
                block += " Read the [full \(anchor) report](https://example.org/reports/\(anchor)-\(int(1...999)))."
            }
            if chance(0.1) { block = "**\(contentWord().capitalizedFirst).** " + block }
            written += block.split(separator: " ").count
            blocks.append(block)
            if written < wordCount, chance(0.12) { blocks.append("## " + headline()) }
            if written < wordCount, chance(0.08) { blocks.append("> " + sentence()) }
        }
        return blocks.joined(separator: "\n\n")
    }

    /// Draws 2–3 syllables, giving pronounceable words that no dictionary has, so rare terms stay rare.
    private static func inventedWord(_ random: inout SeededRandom) -> String {
        let onsets = [
            "b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "l", "m", "n", "p", "pl", "pr",
            "r", "s", "sh", "st", "t", "th", "tr", "v", "w", "z",
        ]
        let vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ee", "io", "ou", "y"]
        let codas = ["", "", "", "n", "r", "s", "l", "t", "nd", "st", "m", "ck"]
        let count = Int.random(in: 2...3, using: &random)
        return (0..<count).map { _ in
            onsets.randomElement(using: &random)! + vowels.randomElement(using: &random)!
                + codas.randomElement(using: &random)!
        }.joined()
    }

    package static let functionWords: Set<String> = Set(commonWords.prefix(48))

    /// Everyday English in rough order of frequency: function words first, then the vocabulary of news.
    package static let commonWords: [String] = """
        the of and to a in that is was for on it with as he said at by from his be have are has an not but \
        they this were their had which who will been after more its would there about we she one new two \
        also than when over into year up out other were some could last first people government minister \
        city police council report week state years time president country public court company million \
        health school market workers percent local national plan group under home officials election party \
        water support price house money during law family told made since three before while between \
        including region budget service decision early according month community business power energy \
        against children general project members chief spokesman month data second world former team \
        season club record night hospital several department security rules program women students growth \
        tax economy bank trade climate weather storm rain flood fire roads transport train station bridge \
        housing rent university research study scientists doctors patients vaccine care prices inflation \
        interest rates jobs unemployment strike union talks agreement deal vote voters campaign candidate \
        mayor senator parliament committee inquiry investigation charges trial judge jury prison sentence \
        victims witnesses evidence statement announced expected announced warned called added including \
        festival museum theatre music film book author artist exhibition gallery concert stadium match \
        coach players league cup final win lost points goal score injury transfer fans tickets ground \
        harbour port ships airport flights border migrants refugees aid charity volunteers residents \
        neighbours street centre district village town county province capital nation europe africa asia \
        america ocean river forest farm farmers crops food supply shortage fuel oil gas electricity grid \
        solar wind emissions pollution recycling waste plastic technology software internet phone digital \
        online platform privacy cyber attack hackers network startup investors shares profits revenue \
        losses debt loan mortgage pension retirement wages salary contract protest march rally crowd \
        anniversary memorial ceremony history heritage building construction design architecture park \
        garden library bakery restaurant market shop owners customers prices holiday tourism visitors
        """.split(whereSeparator: \.isWhitespace).map(String.init).reduce(into: [String]()) { words, word in
            if !words.contains(word) { words.append(word) }
        }
}

/// SplitMix64: tiny, fast and fully determined by its seed, which is all sample data needs.
package struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    package init(seed: UInt64) {
        state = seed
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension String {
    fileprivate var capitalizedFirst: String {
        prefix(1).uppercased() + dropFirst()
    }
}
