import Foundation

/// Turns the bytes of a real-world XML feed into text an XML parser accepts, repairing what feeds commonly
/// get wrong: an encoding declared but not used (Latin-1 bytes in a "UTF-8" feed, or UTF-8 in a feed that
/// says ISO-8859-1), and HTML's named entities (`&nbsp;`, `&eacute;`) or bare ampersands, which XML does
/// not know. Content inside CDATA sections is left as it is.
package enum FeedText {
    /// UTF-8 XML with its declaration saying so.
    package static func repairedXML(_ data: Data) -> Data {
        var text = decode(data)
        text = declaringUTF8(text)
        return Data(repairingEntities(text).utf8)
    }

    /// The text of the bytes: by their byte-order mark, else UTF-8 when they are valid UTF-8 (whatever
    /// the declaration says), else the declared encoding (any the system knows, `Charset`), else Windows-1252.
    package static func decode(_ data: Data) -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return String(decoding: bytes.dropFirst(3), as: UTF8.self) }
        if bytes.starts(with: [0xFF, 0xFE]) { return String(data: data, encoding: .utf16LittleEndian) ?? "" }
        if bytes.starts(with: [0xFE, 0xFF]) { return String(data: data, encoding: .utf16BigEndian) ?? "" }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let declared = declaredEncoding(in: bytes.prefix(200))
        // Feeds that say Latin-1 mean Windows-1252 (as browsers read them): its curly quotes are common.
        let latin = ["iso-8859-1", "latin1", "us-ascii", "ascii", "windows-1252", "cp1252", ""]
        if !latin.contains(declared), let text = Charset.decode(bytes, from: declared) { return text }
        return String(data: data, encoding: .windowsCP1252) ?? String(decoding: bytes, as: UTF8.self)
    }

    private static func declaredEncoding(in prefix: ArraySlice<UInt8>) -> String {
        let head = String(decoding: prefix, as: UTF8.self).lowercased()
        guard let range = head.range(of: "encoding=") else { return "" }
        let rest = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" }
        return String(rest.prefix { $0 != "\"" && $0 != "'" && $0 != "?" && $0 != " " })
    }

    /// The XML declaration, if any, rewritten to say UTF-8, which the text now is.
    package static func declaringUTF8(_ text: String) -> String {
        let trimmed = text.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{FEFF}" }
        guard trimmed.hasPrefix("<?xml"), let end = trimmed.range(of: "?>") else { return String(trimmed) }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + trimmed[end.upperBound...]
    }

    /// `&name;` references XML does not define become numeric references (or, unknown, escaped text);
    /// an `&` that starts no reference becomes `&amp;`.
    package static func repairingEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count + 64)
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(where: { $0 == "&" || $0 == "<" }) {
            output += rest[..<ampersand]
            rest = rest[ampersand...]
            if rest.first == "<" {
                // CDATA sections are copied as they are.
                if rest.hasPrefix("<![CDATA["), let close = rest.range(of: "]]>") {
                    output += rest[..<close.upperBound]
                    rest = rest[close.upperBound...]
                } else {
                    output.append("<")
                    rest = rest.dropFirst()
                }
                continue
            }
            let name = rest.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "#" }
            let afterName = rest.index(rest.startIndex, offsetBy: name.count + 1)
            guard !name.isEmpty, afterName < rest.endIndex, rest[afterName] == ";" else {
                output += "&amp;"
                rest = rest.dropFirst()
                continue
            }
            let reference = String(name)
            if reference.hasPrefix("#") || xmlNames.contains(reference) {
                output += "&" + reference + ";"
            } else if let scalar = htmlNames[reference] {
                output += "&#\(scalar.value);"
            } else {
                output += "&amp;" + reference + ";"
            }
            rest = rest[rest.index(after: afterName)...]
        }
        output += rest
        return output
    }

    private static let xmlNames: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

    /// HTML's named references that feeds use, beyond XML's five.
    private static let htmlNames: [String: Unicode.Scalar] = [
        "nbsp": "\u{A0}", "copy": "©", "reg": "®", "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»", "middot": "·",
        "bull": "•", "deg": "°", "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "sect": "§", "para": "¶",
        "times": "×", "divide": "÷", "shy": "\u{AD}", "eacute": "é", "Eacute": "É", "egrave": "è", "ecirc": "ê",
        "euml": "ë", "aacute": "á", "agrave": "à", "acirc": "â", "auml": "ä", "Auml": "Ä", "aring": "å",
        "Aring": "Å", "aelig": "æ", "AElig": "Æ", "ccedil": "ç", "iacute": "í", "iuml": "ï", "ntilde": "ñ",
        "oacute": "ó", "ocirc": "ô", "ouml": "ö", "Ouml": "Ö", "oslash": "ø", "Oslash": "Ø", "uacute": "ú",
        "ugrave": "ù", "uuml": "ü", "Uuml": "Ü", "szlig": "ß", "iexcl": "¡", "iquest": "¿", "prime": "′",
        "Prime": "″", "thinsp": "\u{2009}", "ensp": "\u{2002}", "emsp": "\u{2003}", "zwnj": "\u{200C}",
        "zwj": "\u{200D}", "sbquo": "‚", "bdquo": "„", "dagger": "†", "Dagger": "‡", "permil": "‰",
        "lsaquo": "‹", "rsaquo": "›", "frac12": "½", "frac14": "¼", "frac34": "¾", "sup2": "²", "sup3": "³",
        "plusmn": "±", "micro": "µ",
    ]
}
