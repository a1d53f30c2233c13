extension ImageFormat {
    /// The name people know the format by, for messages.
    public var displayName: String {
        switch self {
        case .jpeg: "JPEG"
        case .png: "PNG"
        case .gif: "GIF"
        case .webp: "WebP"
        case .avif: "AVIF"
        }
    }

    /// True when the file runs to its format's end marker (or to the length it declares), so an upload cut short
    /// by a dropped connection or a crafted header is refused rather than shown half drawn.
    ///
    /// Only the structure is walked (segments, chunks, boxes), never the pixels, so the check costs little
    /// whatever the file claims.
    public func isComplete(_ bytes: [UInt8]) -> Bool {
        let header = ImageHeader(bytes[...])
        switch self {
        case .jpeg: return header.jpegReachesEnd
        case .png: return header.pngReachesEnd
        case .gif: return header.gifReachesEnd
        case .webp: return header.webpReachesEnd
        case .avif: return header.avifReachesEnd
        }
    }
}

extension ImageHeader {
    /// The segments are walked to the start of scan; after it, entropy-coded data escapes every 0xFF as 0xFF 0x00,
    /// so the first 0xFF 0xD9 is the real end-of-image marker. Bytes after it (camera trailers) are allowed.
    var jpegReachesEnd: Bool {
        walkJPEGSegments { marker, offset, length in
            marker == 0xDA ? containsEndOfImage(from: offset + length) : nil
        } ?? false
    }

    private func containsEndOfImage(from offset: Int) -> Bool {
        var index = bytes.startIndex + offset
        while index < bytes.endIndex - 1 {
            if bytes[index] == 0xFF && bytes[index + 1] == 0xD9 { return true }
            index += 1
        }
        return false
    }

    /// Every chunk (length, type, data, checksum) lies inside the file, at least one carries image data, and the
    /// walk reaches IEND.
    var pngReachesEnd: Bool {
        var offset = 8
        var sawImageData = false
        while let length = bigEndian(at: offset, width: 4), length <= Int(Int32.max) {
            let end = offset + 12 + length
            guard end <= bytes.count else { return false }
            if matches("IDAT", at: offset + 4) { sawImageData = true }
            if matches("IEND", at: offset + 4) { return sawImageData }
            offset = end
        }
        return false
    }

    /// A GIF ends with its trailer byte, 0x3B; a cut file ends inside a block instead.
    var gifReachesEnd: Bool {
        bytes.count > 13 && bytes.last == 0x3B
    }

    /// RIFF declares its length after the tag: the file must hold at least that much.
    var webpReachesEnd: Bool {
        guard let declared = littleEndian(at: 4, width: 4) else { return false }
        return bytes.count >= declared + 8
    }

    /// The top-level boxes must cover the file exactly, and one of them must hold the media data. A box may
    /// announce a 64-bit size (size 1), as large `mdat` boxes do.
    var avifReachesEnd: Bool {
        var offset = 0
        var sawMediaData = false
        while offset < bytes.count {
            guard offset + 8 <= bytes.count, let size32 = bigEndian(at: offset, width: 4) else { return false }
            var size = size32
            if size32 == 1 {
                guard let high = bigEndian(at: offset + 8, width: 4), let low = bigEndian(at: offset + 12, width: 4),
                    high < 1 << 20
                else { return false }
                size = high << 32 | low
                guard size >= 16 else { return false }
            } else if size32 == 0 {
                size = bytes.count - offset
            } else if size32 < 8 {
                return false
            }
            guard offset + size <= bytes.count else { return false }
            if matches("mdat", at: offset + 4) { sawMediaData = true }
            offset += size
        }
        return sawMediaData
    }
}
