/// HTML escaping for text placed in elements and quoted attributes. Control characters that HTML forbids
/// (NUL and the other C0 controls but tab, line feed, form feed and carriage return; DEL) become U+FFFD,
/// so text typed anywhere, even into an address, never makes a page invalid.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard
            utf8.contains(where: {
                $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                    || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") || isForbiddenControl($0)
            })
        else {
            return text
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: Array("&amp;".utf8))
            case UInt8(ascii: "<"): bytes.append(contentsOf: Array("&lt;".utf8))
            case UInt8(ascii: ">"): bytes.append(contentsOf: Array("&gt;".utf8))
            case UInt8(ascii: "\""): bytes.append(contentsOf: Array("&quot;".utf8))
            case UInt8(ascii: "'"): bytes.append(contentsOf: Array("&#39;".utf8))
            default:
                if isForbiddenControl(byte) {
                    bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
                } else {
                    bytes.append(byte)
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// UTF-8 never uses bytes below 0x80 inside a multi-byte character, so a byte check is exact.
    @inline(__always)
    package static func isForbiddenControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D) || byte == 0x7F
    }
}

/// Text for XML documents (feeds, sitemaps): HTML's escaping, minus the characters XML 1.0 forbids even
/// where HTML tolerates them (form feed, U+FFFE, U+FFFF), which would make a whole feed unreadable.
public enum XMLText {
    public static func escape(_ text: String) -> String {
        let escaped = HTMLText.escape(text)
        guard escaped.unicodeScalars.contains(where: isForbidden) else { return escaped }
        var scalars = String.UnicodeScalarView()
        for scalar in escaped.unicodeScalars where !isForbidden(scalar) { scalars.append(scalar) }
        return String(scalars)
    }

    package static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x0C || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}
