/// Makes article HTML safe to show on the site's and the newsroom's origin. The HTML comes from Markdown written by
/// staff of every role, from other outlets' feeds and from imports, so any of it may carry script.
///
/// The output is rebuilt from tokens rather than patched: only allowed elements and checked attributes are written,
/// text is escaped again and every element opened is closed. Where this tokenizer reads markup differently from a
/// browser, the difference can only lose content, never carry markup through.
public enum HTMLSanitizer {
    /// The HTML with only allowed elements and attributes kept; text is kept and re-escaped. `trusted` text may
    /// also keep iframes from `EmbedProviders`; nothing keeps script, styles or event handlers.
    public static func clean(_ html: String, trust: HTMLTrust = .untrusted) -> String {
        var writer = SanitizedHTMLWriter(input: Array(html.utf8), trust: trust)
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
    private let trust: HTMLTrust
    private var output: [UInt8] = []
    private var openElements: [AllowedElement] = []
    /// Open elements whose content is being dropped; while any is open nothing is written.
    private var droppedElements: [String] = []

    init(input: [UInt8], trust: HTMLTrust = .untrusted) {
        self.input = input
        self.trust = trust
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
            if tag.name == "iframe", trust == .trusted, droppedElements.isEmpty {
                appendEmbed(tag)
            }
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

    /// An iframe of a known provider, with its size and title; every other attribute (`srcdoc`, handlers,
    /// `allow`) is dropped. Writes nothing for another address. Whatever the source held between the tags is fallback text for browsers without frames: dropped.
    private mutating func appendEmbed(_ tag: HTMLTag) {
        var attributes: [UInt8] = []
        var written: [String] = []
        for attribute in tag.attributes where !written.contains(attribute.name) {
            let rule: AttributeRule
            switch attribute.name {
            case "src": rule = .embedSource
            case "width", "height": rule = .number
            case "title": rule = .text
            case "allowfullscreen": rule = .flag
            default: continue
            }
            if appendAttribute(attribute, by: rule, to: &attributes) { written.append(attribute.name) }
        }
        guard written.contains("src") else { return }
        output.append(contentsOf: "<iframe".utf8)
        output.append(contentsOf: attributes)
        output.append(contentsOf: EmbedProviders.frameAttributes.utf8)
        output.append(contentsOf: "></iframe>".utf8)
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
