/// A picture format the newsroom accepts. SVG is deliberately absent: it can carry scripts, so an upload is never
/// accepted as a picture just because it draws one.
public enum ImageFormat: String, Sendable, CaseIterable {
    case jpeg, png, gif, webp, avif

    /// Recognises an image from its first bytes (magic numbers), never from a file name or declared type, because
    /// both come from the uploader and may lie.
    public static func sniff(_ bytes: [UInt8]) -> ImageFormat? {
        let header = ImageHeader(bytes[...])
        if header.matches([0xFF, 0xD8, 0xFF], at: 0) { return .jpeg }
        if header.matches([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], at: 0) { return .png }
        if header.matches("GIF87a", at: 0) || header.matches("GIF89a", at: 0) { return .gif }
        if header.matches("RIFF", at: 0) && header.matches("WEBP", at: 8) { return .webp }
        if header.hasAVIFBrand { return .avif }
        return nil
    }

    /// The `Content-Type` to serve, so browsers never have to guess from the bytes themselves.
    public var mimeType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .gif: "image/gif"
        case .webp: "image/webp"
        case .avif: "image/avif"
        }
    }

    /// The format of a file Gazette stored, by the extension it gave it (`jpg`, `webp`…).
    public init?(fileExtension: String) {
        guard let format = Self.allCases.first(where: { $0.fileExtension == fileExtension.lowercased() }) else {
            return nil
        }
        self = format
    }

    /// The extension a stored file gets, chosen from the sniffed format rather than the uploaded name.
    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        case .gif: "gif"
        case .webp: "webp"
        case .avif: "avif"
        }
    }
}

/// A picture's size in pixels, so pages can reserve room for it and avoid layout shifts.
public struct ImageSize: Sendable, Equatable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

extension ImageFormat {
    /// The pixel size read from the header, or nil when the header is truncated or unreadable.
    ///
    /// Only the header is read, never the pixels, so a hostile file cannot make this slow or large. A size of zero
    /// or beyond what the formats allow counts as unreadable.
    public func size(of bytes: [UInt8]) -> ImageSize? {
        guard Self.sniff(bytes) == self else { return nil }
        let header = ImageHeader(bytes[...])
        let size: ImageSize?
        switch self {
        case .jpeg: size = header.jpegSize
        case .png: size = header.pngSize
        case .gif: size = header.gifSize
        case .webp: size = header.webpSize
        case .avif: size = header.avifSize
        }
        guard let size, (1...Int(Int32.max)).contains(size.width), (1...Int(Int32.max)).contains(size.height) else {
            return nil
        }
        return size
    }
}

/// Bounds-checked reads of an untrusted header: every read past the end gives nil instead of trapping, because
/// uploads are often truncated and sometimes crafted. Offsets are relative to the start of the slice, so a box
/// inside an AVIF file is read the same way as the whole file.
struct ImageHeader {
    let bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }

    func byte(at offset: Int) -> Int? {
        guard offset >= 0, offset < bytes.count else { return nil }
        return Int(bytes[bytes.startIndex + offset])
    }

    func matches(_ expected: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, bytes.count - offset >= expected.count else { return false }
        let start = bytes.startIndex + offset
        return bytes[start..<start + expected.count].elementsEqual(expected)
    }

    func matches(_ text: String, at offset: Int) -> Bool {
        matches(Array(text.utf8), at: offset)
    }

    /// An unsigned number of `width` bytes (at most four), most significant first.
    func bigEndian(at offset: Int, width: Int) -> Int? {
        guard offset >= 0, (1...4).contains(width), bytes.count - offset >= width else { return nil }
        let start = bytes.startIndex + offset
        return bytes[start..<start + width].reduce(0) { $0 << 8 | Int($1) }
    }

    /// An unsigned number of `width` bytes (at most four), least significant first.
    func littleEndian(at offset: Int, width: Int) -> Int? {
        guard offset >= 0, (1...4).contains(width), bytes.count - offset >= width else { return nil }
        let start = bytes.startIndex + offset
        return bytes[start..<start + width].reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    func dropping(_ count: Int) -> ImageHeader {
        ImageHeader(bytes.dropFirst(count))
    }
}

extension ImageHeader {
    /// PNG puts IHDR first, so the size is always at the same place.
    var pngSize: ImageSize? {
        guard matches("IHDR", at: 12), let width = bigEndian(at: 16, width: 4), let height = bigEndian(at: 20, width: 4)
        else { return nil }
        return ImageSize(width: width, height: height)
    }

    /// The logical screen of a GIF, which every frame is drawn inside.
    var gifSize: ImageSize? {
        guard let width = littleEndian(at: 6, width: 2), let height = littleEndian(at: 8, width: 2) else { return nil }
        return ImageSize(width: width, height: height)
    }

    /// Walks the segments to the first start-of-frame; EXIF and ICC segments before it can be long, so the walk
    /// jumps by each segment's length instead of searching for marker bytes that may appear inside them.
    var jpegSize: ImageSize? {
        walkJPEGSegments { marker, offset, _ in
            // Image data before any frame header: there is no size to find.
            guard marker != 0xDA else { return .some(nil) }
            guard (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker) else { return nil }
            guard let height = bigEndian(at: offset + 3, width: 2), let width = bigEndian(at: offset + 5, width: 2)
            else { return .some(nil) }
            return ImageSize(width: width, height: height)
        } ?? nil
    }

    /// Walks a JPEG's segments from the start, jumping by each one's length; `visit` gets a segment's marker, the
    /// offset of its length field and that length, and returns what to stop with, or nil to go on. The walk gives
    /// nil at the end-of-image marker, after the start of scan (entropy-coded data follows), or where the bytes
    /// are not segments.
    func walkJPEGSegments<Result>(_ visit: (_ marker: Int, _ offset: Int, _ length: Int) -> Result?) -> Result? {
        var offset = 2
        while offset < bytes.count {
            guard byte(at: offset) == 0xFF else { return nil }
            // Any number of 0xFF fill bytes may precede a marker.
            while byte(at: offset) == 0xFF { offset += 1 }
            guard let marker = byte(at: offset) else { return nil }
            offset += 1
            if (0xD0...0xD8).contains(marker) || marker == 0x01 { continue }
            if marker == 0xD9 { return nil }
            guard let length = bigEndian(at: offset, width: 2), length >= 2 else { return nil }
            if let result = visit(marker, offset, length) { return result }
            if marker == 0xDA { return nil }
            offset += length
        }
        return nil
    }

    /// WebP keeps its size in the first chunk, in one of three layouts.
    var webpSize: ImageSize? {
        if matches("VP8 ", at: 12) {
            // Lossy: a key frame's tag, the start code, then 14-bit dimensions (the top two bits are scaling).
            guard let tag = byte(at: 20), tag & 1 == 0, matches([0x9D, 0x01, 0x2A], at: 23),
                let width = littleEndian(at: 26, width: 2), let height = littleEndian(at: 28, width: 2)
            else { return nil }
            return ImageSize(width: width & 0x3FFF, height: height & 0x3FFF)
        }
        if matches("VP8L", at: 12) {
            // Lossless: a signature byte, then width-1 and height-1 packed as 14 bits each, then a zero version.
            guard byte(at: 20) == 0x2F, let bits = littleEndian(at: 21, width: 4), bits >> 29 == 0 else { return nil }
            return ImageSize(width: (bits & 0x3FFF) + 1, height: ((bits >> 14) & 0x3FFF) + 1)
        }
        if matches("VP8X", at: 12) {
            // Extended: flags and reserved bytes, then canvas width-1 and height-1 as 24-bit numbers.
            guard let width = littleEndian(at: 24, width: 3), let height = littleEndian(at: 27, width: 3)
            else { return nil }
            return ImageSize(width: width + 1, height: height + 1)
        }
        return nil
    }
}

/// One ISO-BMFF box: its four-letter type and what follows its header.
struct Box {
    var type: String
    var content: ImageHeader
}

extension ImageHeader {
    /// The boxes laid end to end in this slice; the walk stops at the first one that is unreadable or runs past the
    /// end, so a truncated file yields the boxes before the damage.
    var boxes: [Box] {
        var found: [Box] = []
        var offset = 0
        while bytes.count - offset >= 8, let size = bigEndian(at: offset, width: 4) {
            // Size 0 runs to the end; size 1 announces a 64-bit size, which no header box needs.
            let end = size == 0 ? bytes.count : offset + size
            guard size == 0 || size >= 8, end <= bytes.count else { break }
            let start = bytes.startIndex
            let type = String(decoding: bytes[start + offset + 4..<start + offset + 8], as: UTF8.self)
            found.append(Box(type: type, content: ImageHeader(bytes[start + offset + 8..<start + end])))
            offset = end
        }
        return found
    }

    /// True when an `ftyp` box at offset 4 names AVIF as its major or a compatible brand.
    var hasAVIFBrand: Bool {
        guard matches("ftyp", at: 4), let size = bigEndian(at: 0, width: 4), size >= 16 else { return false }
        let end = min(size, bytes.count)
        let brandOffsets = [8] + Array(stride(from: 16, to: end - 3, by: 4))
        return brandOffsets.contains { matches("avif", at: $0) || matches("avis", at: $0) }
    }

    /// The primary item's `ispe` size, turned by its `irot` when it has one. A crop (`clap`) is not applied: the
    /// size is for reserving room on a page, where a few pixels do not matter.
    var avifSize: ImageSize? {
        guard let meta = boxes.first(where: { $0.type == "meta" })?.content.dropping(4).boxes,
            let primary = meta.first(where: { $0.type == "pitm" })?.content,
            let version = primary.byte(at: 0),
            let primaryID = primary.bigEndian(at: 4, width: version == 0 ? 2 : 4),
            let properties = meta.first(where: { $0.type == "iprp" })?.content.boxes,
            let container = properties.first(where: { $0.type == "ipco" })?.content.boxes
        else { return nil }
        let indices = properties.filter { $0.type == "ipma" }.compactMap { $0.content.associations(of: primaryID) }
        var size: ImageSize?
        var quarterTurns = 0
        for index in indices.first ?? [] where index >= 1 && index <= container.count {
            let property = container[index - 1]
            if property.type == "ispe", let width = property.content.bigEndian(at: 4, width: 4),
                let height = property.content.bigEndian(at: 8, width: 4)
            {
                size = ImageSize(width: width, height: height)
            } else if property.type == "irot", let angle = property.content.byte(at: 0) {
                quarterTurns = angle & 3
            }
        }
        guard let size else { return nil }
        return quarterTurns % 2 == 1 ? ImageSize(width: size.height, height: size.width) : size
    }

    /// The 1-based `ipco` property indices an `ipma` box links to an item, or nil when the item is not listed.
    func associations(of itemID: Int) -> [Int]? {
        guard let version = byte(at: 0), let flags = bigEndian(at: 1, width: 3),
            let entryCount = bigEndian(at: 4, width: 4)
        else { return nil }
        let idWidth = version == 0 ? 2 : 4
        let indexWidth = flags & 1 == 1 ? 2 : 1
        var offset = 8
        var entry = 0
        while entry < entryCount, let id = bigEndian(at: offset, width: idWidth),
            let count = byte(at: offset + idWidth)
        {
            offset += idWidth + 1
            if id == itemID {
                var indices: [Int] = []
                for number in 0..<count {
                    guard let value = bigEndian(at: offset + number * indexWidth, width: indexWidth) else { return nil }
                    // The top bit marks an essential property; the rest is the index.
                    indices.append(value & (indexWidth == 2 ? 0x7FFF : 0x7F))
                }
                return indices
            }
            offset += count * indexWidth
            entry += 1
        }
        return nil
    }
}
