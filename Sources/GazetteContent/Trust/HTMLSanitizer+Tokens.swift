/// What the tokenizer hands the sanitizer. Text and attribute values are ranges into the input bytes, so nothing is
/// copied until the sanitizer decides to keep it.
enum HTMLToken {
    case text(Range<Int>)
    case startTag(HTMLTag)
    case endTag(name: String)
}

/// A start tag with its name and attribute names lowercased, as HTML compares them.
struct HTMLTag {
    var name: String
    var attributes: [HTMLAttribute]
    var isSelfClosing: Bool
}

/// An attribute as written: the value is the raw text between the quotes, character references still encoded.
struct HTMLAttribute {
    var name: String
    var value: Range<Int>
}

/// A lenient tokenizer after the WHATWG tokenizer states that matter for sanitizing. It never fails: comments,
/// doctypes, processing instructions and CDATA are skipped, a `<` that starts nothing is text, and a tag cut off by
/// the end of the input is dropped, as browsers drop it. It works on UTF-8 bytes because all HTML syntax is ASCII,
/// which keeps it linear and avoids building a `Character` per byte.
struct HTMLTokenizer {
    let bytes: [UInt8]
    private var position = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func next() -> HTMLToken? {
        while position < bytes.count {
            let start = position
            guard bytes[start] == HTMLByte.lessThan else {
                position = firstIndex(of: HTMLByte.lessThan, from: start) ?? bytes.count
                return .text(start..<position)
            }
            if let token = readMarkup(at: start) {
                return token
            }
        }
        return nil
    }

    /// Skips the content of an element such as `script`, whose text browsers never read as markup, up to its end
    /// tag. The end tag itself is left to arrive as a token.
    mutating func skipRawText(of name: String) {
        let name = Array(name.utf8)
        var index = position
        while let open = firstIndex(of: HTMLByte.lessThan, from: index) {
            if isEndTag(name, at: open) {
                position = open
                return
            }
            index = open + 1
        }
        position = bytes.count
    }

    /// Used for `plaintext`, which in browsers turns the rest of the document into text.
    mutating func skipToEnd() {
        position = bytes.count
    }

    private func isEndTag(_ name: [UInt8], at index: Int) -> Bool {
        let nameStart = index + 2
        let nameEnd = nameStart + name.count
        guard nameEnd <= bytes.count, bytes[index + 1] == HTMLByte.slash else { return false }
        for offset in 0..<name.count where HTMLByte.lowercased(bytes[nameStart + offset]) != name[offset] {
            return false
        }
        guard nameEnd < bytes.count else { return true }
        let next = bytes[nameEnd]
        return HTMLByte.isSpace(next) || next == HTMLByte.slash || next == HTMLByte.greaterThan
    }

    /// Reads what starts with the `<` at `start`; nil when it was something skipped, such as a comment.
    private mutating func readMarkup(at start: Int) -> HTMLToken? {
        let next = byte(at: start + 1)
        if let next, HTMLByte.isLetter(next) {
            return readTag(nameStart: start + 1).map { .startTag($0) }
        }
        if next == HTMLByte.slash {
            let afterSlash = byte(at: start + 2)
            if let afterSlash, HTMLByte.isLetter(afterSlash) {
                return readTag(nameStart: start + 2).map { .endTag(name: $0.name) }
            }
            if afterSlash == nil {
                position = bytes.count
                return .text(start..<position)
            }
            // `</>` and `</3…` are bogus comments in browsers.
            skipPast(HTMLByte.greaterThan, from: start + 2)
            return nil
        }
        if next == HTMLByte.exclamation {
            skipDeclaration(at: start)
            return nil
        }
        if next == HTMLByte.question {
            skipPast(HTMLByte.greaterThan, from: start + 2)
            return nil
        }
        position = start + 1
        return .text(start..<position)
    }

    /// Reads a tag's name and attributes in any quoting style; nil, with the rest of the input consumed, when the
    /// input ends inside the tag.
    private mutating func readTag(nameStart: Int) -> HTMLTag? {
        var index = nameStart
        while index < bytes.count, !isNameEnd(bytes[index]) {
            index += 1
        }
        var tag = HTMLTag(name: lowercasedText(nameStart..<index), attributes: [], isSelfClosing: false)
        while index < bytes.count {
            let byte = bytes[index]
            if byte == HTMLByte.greaterThan {
                position = index + 1
                return tag
            }
            if HTMLByte.isSpace(byte) || byte == HTMLByte.slash {
                index += 1
                tag.isSelfClosing = byte == HTMLByte.slash && self.byte(at: index) == HTMLByte.greaterThan
                continue
            }
            guard let attribute = readAttribute(at: &index) else { break }
            tag.isSelfClosing = false
            tag.attributes.append(attribute)
        }
        position = bytes.count
        return nil
    }

    private mutating func readAttribute(at index: inout Int) -> HTMLAttribute? {
        let nameStart = index
        // The first character may be `=`, which browsers then take as part of the name.
        index += 1
        while index < bytes.count, !isNameEnd(bytes[index]), bytes[index] != HTMLByte.equals {
            index += 1
        }
        let name = lowercasedText(nameStart..<index)
        skipSpaces(&index)
        guard index < bytes.count, bytes[index] == HTMLByte.equals else {
            return HTMLAttribute(name: name, value: index..<index)
        }
        index += 1
        skipSpaces(&index)
        guard index < bytes.count else { return nil }
        let quote = bytes[index]
        if quote == HTMLByte.quote || quote == HTMLByte.apostrophe {
            guard let close = firstIndex(of: quote, from: index + 1) else { return nil }
            defer { index = close + 1 }
            return HTMLAttribute(name: name, value: (index + 1)..<close)
        }
        let valueStart = index
        while index < bytes.count, !HTMLByte.isSpace(bytes[index]), bytes[index] != HTMLByte.greaterThan {
            index += 1
        }
        return HTMLAttribute(name: name, value: valueStart..<index)
    }

    /// `<!--…-->`, `<![CDATA[…]]>` and `<!DOCTYPE …>` and other `<!…>` declarations, none of which is kept.
    private mutating func skipDeclaration(at start: Int) {
        if hasPrefix(Self.commentOpen, at: start) {
            skipComment(from: start + Self.commentOpen.count)
        } else if hasPrefix(Self.cdataOpen, at: start) {
            position = endOf(Self.cdataClose, from: start + Self.cdataOpen.count) ?? bytes.count
        } else {
            skipPast(HTMLByte.greaterThan, from: start + 2)
        }
    }

    /// Ends a comment where browsers do: at `-->` or `--!>`, or at once for `<!-->` and `<!--->`.
    private mutating func skipComment(from start: Int) {
        if byte(at: start) == HTMLByte.greaterThan {
            position = start + 1
            return
        }
        if byte(at: start) == HTMLByte.hyphen, byte(at: start + 1) == HTMLByte.greaterThan {
            position = start + 2
            return
        }
        var index = start
        while let dash = firstIndex(of: HTMLByte.hyphen, from: index) {
            if byte(at: dash + 1) == HTMLByte.hyphen {
                if byte(at: dash + 2) == HTMLByte.greaterThan {
                    position = dash + 3
                    return
                }
                if byte(at: dash + 2) == HTMLByte.exclamation, byte(at: dash + 3) == HTMLByte.greaterThan {
                    position = dash + 4
                    return
                }
            }
            index = dash + 1
        }
        position = bytes.count
    }

    private static let commentOpen = Array("<!--".utf8)
    private static let cdataOpen = Array("<![CDATA[".utf8)
    private static let cdataClose = Array("]]>".utf8)

    private func byte(at index: Int) -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private func isNameEnd(_ byte: UInt8) -> Bool {
        HTMLByte.isSpace(byte) || byte == HTMLByte.slash || byte == HTMLByte.greaterThan
    }

    private func skipSpaces(_ index: inout Int) {
        while index < bytes.count, HTMLByte.isSpace(bytes[index]) {
            index += 1
        }
    }

    private mutating func skipPast(_ byte: UInt8, from start: Int) {
        position = firstIndex(of: byte, from: start).map { $0 + 1 } ?? bytes.count
    }

    private func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == byte {
                return index
            }
            index += 1
        }
        return nil
    }

    private func hasPrefix(_ prefix: [UInt8], at start: Int) -> Bool {
        guard start + prefix.count <= bytes.count else { return false }
        for offset in 0..<prefix.count where bytes[start + offset] != prefix[offset] {
            return false
        }
        return true
    }

    /// The index just past the first `pattern` at or after `start`.
    private func endOf(_ pattern: [UInt8], from start: Int) -> Int? {
        var index = start
        while let candidate = firstIndex(of: pattern[0], from: index) {
            if hasPrefix(pattern, at: candidate) {
                return candidate + pattern.count
            }
            index = candidate + 1
        }
        return nil
    }

    private func lowercasedText(_ range: Range<Int>) -> String {
        var name: [UInt8] = []
        name.reserveCapacity(range.count)
        for index in range {
            name.append(HTMLByte.lowercased(bytes[index]))
        }
        return String(decoding: name, as: UTF8.self)
    }
}

/// Character references as the sanitizer needs them: recognised in text, so that they pass through as written, and
/// decoded in attribute values, so that a URL is checked as the browser will read it (`&#106;avascript:` is
/// `javascript:`).
enum HTMLEntities {
    /// The length of the character reference starting with the `&` at `index`, or nil when that `&` starts none and
    /// must be escaped. `isMissingSemicolon` marks a numeric reference without its `;`, which browsers still accept.
    static func reference(in bytes: ArraySlice<UInt8>, at index: Int) -> (length: Int, isMissingSemicolon: Bool)? {
        let end = bytes.endIndex
        var cursor = index + 1
        guard cursor < end else { return nil }
        if bytes[cursor] == HTMLByte.hash {
            cursor += 1
            let isHex = cursor < end && HTMLByte.lowercased(bytes[cursor]) == UInt8(ascii: "x")
            if isHex {
                cursor += 1
            }
            let digitsStart = cursor
            while cursor < end, isHex ? HTMLByte.isHexDigit(bytes[cursor]) : HTMLByte.isDigit(bytes[cursor]) {
                cursor += 1
            }
            guard cursor > digitsStart else { return nil }
            guard cursor < end, bytes[cursor] == HTMLByte.semicolon else { return (cursor - index, true) }
            return (cursor + 1 - index, false)
        }
        guard HTMLByte.isLetter(bytes[cursor]) else { return nil }
        let nameStart = cursor
        while cursor < end, cursor - nameStart < longestName,
            HTMLByte.isLetter(bytes[cursor])
                || HTMLByte.isDigit(bytes[cursor])
        {
            cursor += 1
        }
        guard cursor < end, bytes[cursor] == HTMLByte.semicolon else { return nil }
        return (cursor + 1 - index, false)
    }

    /// The text with its character references replaced by their characters. A name missing from the table below
    /// stays as written; callers escape the result again, so the browser then reads exactly what was checked.
    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard bytes[index] == HTMLByte.ampersand, let reference = reference(in: bytes, at: index) else {
                result.append(bytes[index])
                index += 1
                continue
            }
            let nameEnd = index + reference.length - (reference.isMissingSemicolon ? 0 : 1)
            if let scalar = character(named: bytes[(index + 1)..<nameEnd]) {
                UTF8.encode(scalar) { result.append($0) }
            } else {
                result.append(contentsOf: bytes[index..<(index + reference.length)])
            }
            index += reference.length
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static let longestName = 32

    private static func character(named name: ArraySlice<UInt8>) -> Unicode.Scalar? {
        guard name.first == HTMLByte.hash else { return named[String(decoding: name, as: UTF8.self)] }
        var digits = name.dropFirst()
        var radix: UInt32 = 10
        if let first = digits.first, HTMLByte.lowercased(first) == UInt8(ascii: "x") {
            radix = 16
            digits = digits.dropFirst()
        }
        var value: UInt32 = 0
        for digit in digits {
            let lower = HTMLByte.lowercased(digit)
            let digitValue = HTMLByte.isDigit(lower) ? UInt32(lower - 0x30) : UInt32(lower - 0x61 + 10)
            // Saturate: anything past the last code point becomes U+FFFD, as in browsers, without overflowing.
            value = min(value * radix + digitValue, 0x11_0000)
        }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return scalar
    }

    /// Every named reference for an ASCII character, since those are what could spell a URL scheme, plus the
    /// typographic ones that newsroom text uses. The full HTML table has over two thousand names.
    private static let named: [String: Unicode.Scalar] = [
        "Tab": "\t", "NewLine": "\n", "nbsp": "\u{A0}", "NonBreakingSpace": "\u{A0}",
        "excl": "!", "quot": "\"", "QUOT": "\"", "num": "#", "dollar": "$", "percnt": "%", "amp": "&", "AMP": "&",
        "apos": "'", "lpar": "(", "rpar": ")", "ast": "*", "midast": "*", "plus": "+", "comma": ",",
        "period": ".", "sol": "/", "colon": ":", "semi": ";", "lt": "<", "LT": "<", "equals": "=", "gt": ">",
        "GT": ">", "quest": "?", "commat": "@", "lsqb": "[", "lbrack": "[", "bsol": "\\", "rsqb": "]",
        "rbrack": "]", "Hat": "^", "lowbar": "_", "UnderBar": "_", "grave": "`", "DiacriticalGrave": "`",
        "lcub": "{", "lbrace": "{", "verbar": "|", "vert": "|", "VerticalLine": "|", "rcub": "}", "rbrace": "}",
        "copy": "©", "reg": "®", "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–", "lsquo": "‘",
        "rsquo": "’", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»", "middot": "·", "bull": "•",
        "deg": "°", "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "sect": "§", "para": "¶", "times": "×",
        "divide": "÷", "shy": "\u{AD}", "eacute": "é", "Eacute": "É", "egrave": "è", "ecirc": "ê", "euml": "ë",
        "aacute": "á", "agrave": "à", "acirc": "â", "auml": "ä", "Auml": "Ä", "aring": "å", "ccedil": "ç",
        "iacute": "í", "iuml": "ï", "ntilde": "ñ", "oacute": "ó", "ocirc": "ô", "ouml": "ö", "Ouml": "Ö",
        "oslash": "ø", "uacute": "ú", "ugrave": "ù", "uuml": "ü", "Uuml": "Ü", "szlig": "ß",
    ]
}

/// The bytes HTML syntax is made of. All of it is ASCII, and UTF-8 never uses an ASCII byte inside a multi-byte
/// character, so comparing bytes is exact.
enum HTMLByte {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let formFeed: UInt8 = 0x0C
    static let carriageReturn: UInt8 = 0x0D
    static let space = UInt8(ascii: " ")
    static let exclamation = UInt8(ascii: "!")
    static let quote = UInt8(ascii: "\"")
    static let hash = UInt8(ascii: "#")
    static let ampersand = UInt8(ascii: "&")
    static let apostrophe = UInt8(ascii: "'")
    static let hyphen = UInt8(ascii: "-")
    static let slash = UInt8(ascii: "/")
    static let colon = UInt8(ascii: ":")
    static let semicolon = UInt8(ascii: ";")
    static let lessThan = UInt8(ascii: "<")
    static let equals = UInt8(ascii: "=")
    static let greaterThan = UInt8(ascii: ">")
    static let question = UInt8(ascii: "?")
    static let backslash = UInt8(ascii: "\\")

    /// HTML's whitespace: space, tab, line feed, form feed and carriage return.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == lineFeed || byte == formFeed || byte == carriageReturn
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f"))
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
