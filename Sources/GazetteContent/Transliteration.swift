import Foundation

/// Turns letters that have a customary Latin spelling into it; leaves other scripts alone.
enum Transliteration {
    static func latin(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            let lower = String(character).lowercased()
            if let replacement = table[lower] {
                output += replacement
            } else {
                output += lower.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
            }
        }
        return output
    }

    /// Letters that lose information when only their accents are removed, plus Greek and Cyrillic.
    private static let table: [String: String] = {
        var table: [String: String] = [
            "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "å": "a", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
            "ı": "i", "ħ": "h", "ŀ": "l", "&": " and ", "@": " at ",
        ]
        let cyrillic: [(String, String)] = [
            ("а", "a"), ("б", "b"), ("в", "v"), ("г", "g"), ("д", "d"), ("е", "e"), ("ё", "yo"), ("ж", "zh"),
            ("з", "z"), ("и", "i"), ("й", "y"), ("к", "k"), ("л", "l"), ("м", "m"), ("н", "n"), ("о", "o"),
            ("п", "p"), ("р", "r"), ("с", "s"), ("т", "t"), ("у", "u"), ("ф", "f"), ("х", "kh"), ("ц", "ts"),
            ("ч", "ch"), ("ш", "sh"), ("щ", "shch"), ("ъ", ""), ("ы", "y"), ("ь", ""), ("э", "e"), ("ю", "yu"),
            ("я", "ya"), ("і", "i"), ("ї", "yi"), ("є", "ye"), ("ґ", "g"),
        ]
        let greek: [(String, String)] = [
            ("α", "a"), ("β", "v"), ("γ", "g"), ("δ", "d"), ("ε", "e"), ("ζ", "z"), ("η", "i"), ("θ", "th"),
            ("ι", "i"), ("κ", "k"), ("λ", "l"), ("μ", "m"), ("ν", "n"), ("ξ", "x"), ("ο", "o"), ("π", "p"),
            ("ρ", "r"), ("σ", "s"), ("ς", "s"), ("τ", "t"), ("υ", "y"), ("φ", "f"), ("χ", "ch"), ("ψ", "ps"),
            ("ω", "o"), ("ά", "a"), ("έ", "e"), ("ή", "i"), ("ί", "i"), ("ό", "o"), ("ύ", "y"), ("ώ", "o"),
        ]
        for (letter, latin) in cyrillic + greek { table[letter] = latin }
        return table
    }()
}
