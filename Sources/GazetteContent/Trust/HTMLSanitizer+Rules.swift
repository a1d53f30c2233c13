/// The elements an article may contain: what Markdown produces plus the plain structural and phrase elements of
/// imported articles. Any other element is dropped and its content kept, unless its content is dropped too.
enum AllowedElement: String, CaseIterable {
    case p, br, hr, h1, h2, h3, h4, h5, h6, blockquote, pre, figure, figcaption, div
    case strong, b, em, i, u, s, del, ins, sub, sup, small, mark, abbr, cite, q, code, kbd, span, a, img
    case ul, ol, li, dl, dt, dd
    case table, caption, thead, tbody, tfoot, tr, th, td

    static let named = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    var isVoid: Bool {
        self == .br || self == .hr || self == .img
    }

    var isHeading: Bool {
        switch self {
        case .h1, .h2, .h3, .h4, .h5, .h6: true
        default: false
        }
    }

    /// Block elements whose start ends an open paragraph in browsers.
    var closesParagraph: Bool {
        switch self {
        case .p, .hr, .h1, .h2, .h3, .h4, .h5, .h6, .blockquote, .pre, .figure, .figcaption, .div, .ul, .ol, .li, .dl,
            .dt, .dd, .table:
            true
        default: false
        }
    }

    /// Where browsers stop looking for an open paragraph or link to close: a table or its cells.
    var isScopeBoundary: Bool {
        self == .table || self == .td || self == .th || self == .caption
    }

    /// Where browsers stop looking for an open list item to close: another list or block that holds its own items.
    var isListBoundary: Bool {
        switch self {
        case .ul, .ol, .dl, .blockquote, .pre, .figure, .figcaption, .table, .caption, .tr, .td, .th: true
        default: isHeading || isTableSection
        }
    }

    var isTableSection: Bool {
        self == .table || self == .thead || self == .tbody || self == .tfoot
    }

    /// The rule an attribute's value must meet on this element; nil drops the attribute. Event handlers, `style`,
    /// `id`, `srcset`, `target` and the rest are never listed, so they never survive.
    func rule(for attribute: String) -> AttributeRule? {
        switch (self, attribute) {
        case (.a, "href"), (.q, "cite"), (.blockquote, "cite"): .link
        case (.img, "src"): .imageSource
        case (.a, "title"), (.img, "alt"), (.img, "title"), (.abbr, "title"): .text
        case (.img, "width"), (.img, "height"), (.td, "colspan"), (.th, "colspan"), (.td, "rowspan"),
            (.th, "rowspan"), (.ol, "start"), (.li, "value"):
            .number
        case (.td, "scope"), (.th, "scope"): .scope
        // Ink writes table column alignment this way.
        case (.td, "align"), (.th, "align"): .alignment
        case (.ol, "reversed"): .flag
        case (.code, "class"), (.pre, "class"), (.span, "class"), (.div, "class"): .languageClass
        default: nil
        }
    }
}

/// What an allowed attribute's value may be.
enum AttributeRule {
    /// A link a reader may follow: http, https, mailto or relative.
    case link
    /// An image the page loads: http, https or site-relative only.
    case imageSource
    /// A frame's page: https at one of `EmbedProviders`' addresses.
    case embedSource
    /// Free text, kept as written and escaped.
    case text
    /// Decimal digits only.
    case number
    /// A Markdown code fence's language, for syntax highlighting: `language-swift`.
    case languageClass
    case scope
    case alignment
    /// A boolean attribute, written without a value.
    case flag

    /// The value to write, from the value with character references decoded; nil when it breaks the rule.
    func accepted(_ value: String) -> String? {
        switch self {
        case .link: return SafeURL.link(value)
        case .imageSource: return SafeURL.imageSource(value)
        case .embedSource: return EmbedProviders.accepted(value)
        case .text, .flag: return value
        case .number:
            let digits = SafeURL.trimmed(Array(value.utf8))
            return (1...9).contains(digits.count) && digits.allSatisfy(HTMLByte.isDigit)
                ? String(decoding: digits, as: UTF8.self) : nil
        case .languageClass:
            let language = value.utf8.dropFirst(Self.languagePrefix.utf8.count)
            let isLanguageByte = { (byte: UInt8) in
                HTMLByte.isLetter(byte) || HTMLByte.isDigit(byte) || "_+-".utf8.contains(byte)
            }
            guard value.hasPrefix(Self.languagePrefix), (1...40).contains(language.count),
                language.allSatisfy(isLanguageByte)
            else { return nil }
            return value
        case .scope: return Self.keyword(value, in: ["row", "col", "rowgroup", "colgroup"])
        case .alignment: return Self.keyword(value, in: ["left", "center", "right"])
        }
    }

    private static let languagePrefix = "language-"

    private static func keyword(_ value: String, in keywords: Set<String>) -> String? {
        let keyword = String(decoding: value.utf8.map(HTMLByte.lowercased), as: UTF8.self)
        return keywords.contains(keyword) ? keyword : nil
    }
}

/// The URL check for links and images. Values arrive with character references decoded, so `&#106;avascript:` is
/// seen as `javascript:`; the accepted value is escaped again when written, so the browser reads what was checked.
enum SafeURL {
    static func link(_ value: String) -> String? {
        checked(value, schemes: ["http", "https", "mailto"], allowsPageRelative: true)
    }

    /// Images load without a click, so only the web and this site may serve them: no `data:`, no other scheme.
    static func imageSource(_ value: String) -> String? {
        checked(value, schemes: ["http", "https"], allowsPageRelative: false)
    }

    private static func checked(_ value: String, schemes: Set<String>, allowsPageRelative: Bool) -> String? {
        // Browsers remove tabs and line breaks anywhere in a URL (`java\tscript:`) and trim other controls at its
        // ends. Removing every control is stricter, and the value written is the one checked.
        let url = trimmed(value.utf8.filter { $0 >= 0x20 && $0 != 0x7F })
        guard !url.isEmpty else { return nil }
        let schemeEnd = url.firstIndex {
            $0 == HTMLByte.colon || $0 == HTMLByte.slash || $0 == HTMLByte.question || $0 == HTMLByte.hash
                || $0 == HTMLByte.backslash
        }
        if let schemeEnd, url[schemeEnd] == HTMLByte.colon {
            let scheme = String(decoding: url[..<schemeEnd].map(HTMLByte.lowercased), as: UTF8.self)
            return schemes.contains(scheme) ? String(decoding: url, as: UTF8.self) : nil
        }
        // Browsers read `//host`, `/\host` and `\host` as another host.
        let first = url[0]
        let second = url.count > 1 ? url[1] : nil
        if first == HTMLByte.backslash
            || (first == HTMLByte.slash && (second == HTMLByte.slash || second == HTMLByte.backslash))
        {
            return nil
        }
        return allowsPageRelative || first == HTMLByte.slash ? String(decoding: url, as: UTF8.self) : nil
    }

    /// Without leading and trailing HTML whitespace.
    static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
        guard let first = bytes.firstIndex(where: { !HTMLByte.isSpace($0) }),
            let last = bytes.lastIndex(where: { !HTMLByte.isSpace($0) })
        else { return [] }
        return Array(bytes[first...last])
    }
}
