#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decodes text in any character set the system's iconv knows (EUC-KR, GB18030, Big5, Shift_JIS,
/// KOI8-R, windows-1251…), by the name a feed declares. Foundation's own list is much shorter.
package enum Charset {
    /// The text, or nil when the name is unknown or the bytes are not valid in that character set.
    package static func decode(_ bytes: [UInt8], from name: String) -> String? {
        guard !name.isEmpty, name.utf8.count < 40,
            name.utf8.allSatisfy({
                ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || "-_:.".utf8.contains($0)
            })
        else { return nil }
        let converter = iconv_open("UTF-8", name)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        // Four UTF-8 bytes per input byte covers every character set.
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 4)
        var written = 0
        let converted: Bool = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                var sourceNext = source.baseAddress
                var sourceLeft = source.count
                var targetNext = target.baseAddress
                var targetLeft = target.count
                guard iconv(converter, &sourceNext, &sourceLeft, &targetNext, &targetLeft) != -1, sourceLeft == 0
                else { return false }
                written = target.count - targetLeft
                return true
            }
        }
        guard converted else { return nil }
        return String(decoding: output.prefix(written).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
