/// Finding ASCII markers (`<!--more-->`, `</p>`) in long bodies by their bytes. The standard library's
/// generic `firstRange(of:)` was most of an import's time on its own.
package enum ByteSearch {
    /// The byte offset just past the first `needle` in `text`, or nil.
    package static func end(of needle: String, in text: String) -> Int? {
        var haystack = text
        var pattern = needle
        return haystack.withUTF8 { bytes in
            pattern.withUTF8 { wanted -> Int? in
                guard let first = wanted.first, wanted.count <= bytes.count else { return nil }
                var index = 0
                let last = bytes.count - wanted.count
                while index <= last {
                    if bytes[index] == first {
                        var matched = 1
                        while matched < wanted.count, bytes[index + matched] == wanted[matched] { matched += 1 }
                        if matched == wanted.count { return index + wanted.count }
                    }
                    index += 1
                }
                return nil
            }
        }
    }
}
