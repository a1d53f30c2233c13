/// Makes article HTML safe to show on the admin's origin. The HTML comes from Markdown written by low-trust staff,
/// and later from other outlets' feeds, so either may carry script.
///
/// The output is rebuilt from tokens rather than patched: only allowed elements and checked attributes are written,
/// text is escaped again and every element opened is closed. Where this tokenizer reads markup differently from a
/// browser, the difference can only lose content, never carry markup through.
public enum HTMLSanitizer {
    /// The HTML with only allowed elements and attributes kept; text is kept and re-escaped.
    public static func clean(_ html: String) -> String {
        var writer = SanitizedHTMLWriter(input: Array(html.utf8))
        return writer.write()
    }
}

/// Writes the allowed part of the token stream and keeps the element tree balanced.
struct SanitizedHTMLWriter {
    /// Deeper start tags are dropped, their text kept: no article needs more, and the cap keeps every search of the
    /// open elements short, so hostile input cannot make cleaning quadratic.
    static let maximumDepth = 100

    /// Elements browsers read as text up to their end tag; skipped with everything inside.
    static let rawTextElements: Set<String> = [
        "script", "style", "iframe", "noscript", "textarea", "title", "xmp", "noembed", "noframes",
    ]

    /// Elements whose content goes with them: plugins, templates, option lists and SVG or MathML, whose parsing
    /// rules differ from HTML's. (`embed` and `frame` are void, so dropping the tag drops everything they have.)
    static let droppedContainers: Set<String> = ["object", "applet", "template", "select", "frameset", "svg", "math"]

    private var tokenizer: HTMLTokenizer
    private let input: [UInt8]
    private var output: [UInt8] = []
    private var openElements: [AllowedElement] = []
    /// Open elements whose content is being dropped; while any is open nothing is written.
    private var droppedElements: [String] = []

    init(input: [UInt8]) {
        self.input = input
        tokenizer = HTMLTokenizer(bytes: input)
        output.reserveCapacity(input.count + input.count / 8)
    }

    mutating func write() -> String {
        while let token = tokenizer.next() {
            switch token {
            case .text(let range):
                if droppedElements.isEmpty {
                    HTMLEscaping.appendText(input[range], inAttribute: false, to: &output)
                }
            case .startTag(let tag):
                start(tag)
            case .endTag(let name):
                end(name)
            }
        }
        close(downTo: 0)
        return String(decoding: output, as: UTF8.self)
    }

    private mutating func start(_ tag: HTMLTag) {
        if dropsContent(of: tag) || !droppedElements.isEmpty {
            return
        }
        guard let element = AllowedElement.named[tag.name] else { return }
        closeElements(endedBy: element)
        if element.isVoid {
            appendStartTag(element, tag)
        } else if openElements.count < Self.maximumDepth, appendStartTag(element, tag) {
            openElements.append(element)
        }
    }

    /// Begins skipping for an element whose content is dropped; false for every other element.
    private mutating func dropsContent(of tag: HTMLTag) -> Bool {
        if Self.rawTextElements.contains(tag.name) {
            tokenizer.skipRawText(of: tag.name)
            return true
        }
        if tag.name == "plaintext" {
            tokenizer.skipToEnd()
            return true
        }
        guard Self.droppedContainers.contains(tag.name) else { return false }
        // `<svg/>` is complete in browsers; the other containers ignore the slash and stay open.
        let isEmptyForeignElement = tag.isSelfClosing && (tag.name == "svg" || tag.name == "math")
        if !isEmptyForeignElement, droppedElements.count < Self.maximumDepth {
            droppedElements.append(tag.name)
        }
        return true
    }

    /// An end tag closes its element and any still open inside it; one without an open element is ignored.
    private mutating func end(_ name: String) {
        guard droppedElements.isEmpty else {
            if let index = droppedElements.lastIndex(of: name) {
                droppedElements.removeSubrange(index...)
            }
            return
        }
        guard let element = AllowedElement.named[name], let index = openElements.lastIndex(of: element) else {
            return
        }
        close(downTo: index)
    }

    /// Closes what browsers close implicitly, so `<p>a<ul>` or `<li>a<li>b` come out as siblings, not nested.
    private mutating func closeElements(endedBy element: AllowedElement) {
        if element.closesParagraph {
            closeNearest(where: { $0 == .p }, stoppingAt: { $0.isScopeBoundary })
        }
        switch element {
        case .li: closeNearest(where: { $0 == .li }, stoppingAt: { $0.isListBoundary })
        case .dt, .dd: closeNearest(where: { $0 == .dt || $0 == .dd }, stoppingAt: { $0.isListBoundary })
        case .a: closeNearest(where: { $0 == .a }, stoppingAt: { $0.isScopeBoundary })
        case .td, .th: closeNearest(where: { $0 == .td || $0 == .th }, stoppingAt: { $0 == .tr || $0.isTableSection })
        case .tr: closeNearest(where: { $0 == .tr }, stoppingAt: { $0.isTableSection })
        case .thead, .tbody, .tfoot:
            closeNearest(where: { $0 == .thead || $0 == .tbody || $0 == .tfoot }, stoppingAt: { $0 == .table })
        case .h1, .h2, .h3, .h4, .h5, .h6:
            if let current = openElements.last, current.isHeading {
                close(downTo: openElements.count - 1)
            }
        default: break
        }
    }

    /// Closes the innermost open target, unless a boundary comes first.
    private mutating func closeNearest(
        where isTarget: (AllowedElement) -> Bool, stoppingAt isBoundary: (AllowedElement) -> Bool
    ) {
        var index = openElements.count - 1
        while index >= 0 {
            let open = openElements[index]
            if isTarget(open) {
                close(downTo: index)
                return
            }
            if isBoundary(open) {
                return
            }
            index -= 1
        }
    }

    private mutating func close(downTo index: Int) {
        while openElements.count > index {
            let element = openElements.removeLast()
            output.append(HTMLByte.lessThan)
            output.append(HTMLByte.slash)
            output.append(contentsOf: element.rawValue.utf8)
            output.append(HTMLByte.greaterThan)
        }
    }

    /// Writes the start tag with its allowed attributes; false, writing nothing, for an image without a safe source.
    @discardableResult
    private mutating func appendStartTag(_ element: AllowedElement, _ tag: HTMLTag) -> Bool {
        var attributes: [UInt8] = []
        var written: [String] = []
        for attribute in tag.attributes {
            // Browsers keep the first of two attributes with one name; so does the check of `written`.
            guard let rule = element.rule(for: attribute.name), !written.contains(attribute.name),
                appendAttribute(attribute, by: rule, to: &attributes)
            else { continue }
            written.append(attribute.name)
        }
        if element == .img, !written.contains("src") {
            return false
        }
        output.append(HTMLByte.lessThan)
        output.append(contentsOf: element.rawValue.utf8)
        output.append(contentsOf: attributes)
        output.append(HTMLByte.greaterThan)
        return true
    }

    /// Appends ` name="value"`, escaped; false, appending nothing, when the value breaks its rule.
    private func appendAttribute(_ attribute: HTMLAttribute, by rule: AttributeRule, to bytes: inout [UInt8]) -> Bool {
        let name = [HTMLByte.space] + Array(attribute.name.utf8)
        switch rule {
        case .flag:
            bytes.append(contentsOf: name)
        case .text:
            bytes.append(contentsOf: name + Array("=\"".utf8))
            HTMLEscaping.appendText(input[attribute.value], inAttribute: true, to: &bytes)
            bytes.append(HTMLByte.quote)
        default:
            guard let value = rule.accepted(HTMLEntities.decode(input[attribute.value])) else { return false }
            bytes.append(contentsOf: name + Array("=\"".utf8))
            HTMLEscaping.appendValue(value, to: &bytes)
            bytes.append(HTMLByte.quote)
        }
        return true
    }
}

/// Escaping for what the sanitizer writes.
enum HTMLEscaping {
    /// Text, or a free-text attribute, as written but for what could end it: `<` and `>`, `"` in attributes, and a
    /// `&` that starts no character reference. References stay as written, so `&eacute;` is still `&eacute;`.
    static func appendText(_ text: ArraySlice<UInt8>, inAttribute: Bool, to bytes: inout [UInt8]) {
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            index += 1
            switch byte {
            case HTMLByte.ampersand:
                guard let reference = HTMLEntities.reference(in: text, at: index - 1) else {
                    bytes.append(contentsOf: "&amp;".utf8)
                    continue
                }
                bytes.append(contentsOf: text[(index - 1)..<(index - 1 + reference.length)])
                if reference.isMissingSemicolon {
                    bytes.append(HTMLByte.semicolon)
                }
                index += reference.length - 1
            case HTMLByte.lessThan: bytes.append(contentsOf: "&lt;".utf8)
            case HTMLByte.greaterThan: bytes.append(contentsOf: "&gt;".utf8)
            case HTMLByte.quote where inAttribute: bytes.append(contentsOf: "&quot;".utf8)
            case 0: continue
            default: bytes.append(byte)
            }
        }
    }

    /// A checked, decoded attribute value, every `&` escaped, so the browser reads exactly the value checked.
    static func appendValue(_ value: String, to bytes: inout [UInt8]) {
        for byte in value.utf8 {
            switch byte {
            case HTMLByte.ampersand: bytes.append(contentsOf: "&amp;".utf8)
            case HTMLByte.lessThan: bytes.append(contentsOf: "&lt;".utf8)
            case HTMLByte.greaterThan: bytes.append(contentsOf: "&gt;".utf8)
            case HTMLByte.quote: bytes.append(contentsOf: "&quot;".utf8)
            case 0: continue
            default: bytes.append(byte)
            }
        }
    }
}

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
