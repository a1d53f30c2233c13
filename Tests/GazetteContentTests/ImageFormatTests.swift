import GazetteContent
import Testing

@Suite("Image formats")
struct ImageFormatTests {
    @Test("each format is recognised from its first bytes")
    func sniffing() {
        #expect(ImageFormat.sniff(SampleImage.jpeg(width: 300, height: 200)) == .jpeg)
        #expect(ImageFormat.sniff(SampleImage.png(width: 640, height: 480)) == .png)
        #expect(ImageFormat.sniff(SampleImage.gif(width: 10, height: 20)) == .gif)
        #expect(ImageFormat.sniff(Array("GIF87a".utf8) + [1, 0, 1, 0]) == .gif)
        #expect(ImageFormat.sniff(SampleImage.webpLossy(width: 8, height: 9)) == .webp)
        #expect(ImageFormat.sniff(SampleImage.avif(width: 1920, height: 1080)) == .avif)
    }

    @Test("AVIF is recognised by a compatible brand, and other ISO media files are not")
    func avifBrands() {
        let compatible = SampleImage.box("ftyp", Array("mif1".utf8) + [0, 0, 0, 0] + Array("miafavis".utf8))
        #expect(ImageFormat.sniff(compatible) == .avif)
        let heic = SampleImage.box("ftyp", Array("heic".utf8) + [0, 0, 0, 0] + Array("mif1heic".utf8))
        #expect(ImageFormat.sniff(heic) == nil)
        let video = SampleImage.box("ftyp", Array("isom".utf8) + [0, 0, 2, 0] + Array("isomavc1mp41".utf8))
        #expect(ImageFormat.sniff(video) == nil)
    }

    @Test("each format has its MIME type and file extension")
    func names() {
        #expect(
            ImageFormat.allCases.map(\.mimeType) == [
                "image/jpeg", "image/png", "image/gif", "image/webp", "image/avif",
            ])
        #expect(ImageFormat.allCases.map(\.fileExtension) == ["jpg", "png", "gif", "webp", "avif"])
    }

    @Test("PNG and GIF sizes are read from their headers")
    func pngAndGif() {
        #expect(
            ImageFormat.png.size(of: SampleImage.png(width: 640, height: 480)) == ImageSize(width: 640, height: 480))
        #expect(ImageFormat.gif.size(of: SampleImage.gif(width: 10, height: 20)) == ImageSize(width: 10, height: 20))
    }

    @Test("a JPEG's size is found past APP and DHT segments, fill bytes and standalone markers")
    func jpeg() {
        #expect(
            ImageFormat.jpeg.size(of: SampleImage.jpeg(width: 300, height: 200)) == ImageSize(width: 300, height: 200))
        let progressive = SampleImage.jpeg(width: 4032, height: 3024, frameMarker: 0xC2)
        #expect(ImageFormat.jpeg.size(of: progressive) == ImageSize(width: 4032, height: 3024))
    }

    @Test("a JPEG that reaches its image data or end before a frame header has no size")
    func jpegWithoutFrame() {
        let scanFirst: [UInt8] = [0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0x12, 0x34, 0xFF, 0xD9]
        #expect(ImageFormat.jpeg.size(of: scanFirst) == nil)
        #expect(ImageFormat.jpeg.size(of: [0xFF, 0xD8, 0xFF, 0xD9]) == nil)
        #expect(ImageFormat.jpeg.size(of: [0xFF, 0xD8, 0xFF, 0xE0, 0xFF, 0xFF]) == nil)
    }

    @Test("lossy, lossless and extended WebP sizes are read")
    func webp() {
        #expect(
            ImageFormat.webp.size(of: SampleImage.webpLossy(width: 1024, height: 768))
                == ImageSize(width: 1024, height: 768))
        #expect(
            ImageFormat.webp.size(of: SampleImage.webpLossless(width: 16383, height: 1))
                == ImageSize(width: 16383, height: 1))
        #expect(
            ImageFormat.webp.size(of: SampleImage.webpExtended(width: 20000, height: 3))
                == ImageSize(width: 20000, height: 3))
    }

    @Test("an AVIF's size is its primary item's, turned when the item is rotated a quarter")
    func avif() {
        #expect(
            ImageFormat.avif.size(of: SampleImage.avif(width: 1920, height: 1080))
                == ImageSize(width: 1920, height: 1080))
        let rotated = SampleImage.avif(width: 1920, height: 1080, quarterTurns: 1)
        #expect(ImageFormat.avif.size(of: rotated) == ImageSize(width: 1080, height: 1920))
    }

    @Test("every truncation of a valid header gives nil or the right size, never a crash")
    func truncated() {
        let samples: [(ImageFormat, [UInt8], ImageSize)] = [
            (.jpeg, SampleImage.jpeg(width: 300, height: 200), ImageSize(width: 300, height: 200)),
            (.png, SampleImage.png(width: 640, height: 480), ImageSize(width: 640, height: 480)),
            (.gif, SampleImage.gif(width: 10, height: 20), ImageSize(width: 10, height: 20)),
            (.webp, SampleImage.webpLossy(width: 8, height: 9), ImageSize(width: 8, height: 9)),
            (.webp, SampleImage.webpLossless(width: 8, height: 9), ImageSize(width: 8, height: 9)),
            (.webp, SampleImage.webpExtended(width: 8, height: 9), ImageSize(width: 8, height: 9)),
            (.avif, SampleImage.avif(width: 8, height: 9), ImageSize(width: 8, height: 9)),
        ]
        for (format, bytes, size) in samples {
            for length in 0...bytes.count {
                let found = format.size(of: Array(bytes.prefix(length)))
                #expect(found == nil || found == size, "\(format) cut to \(length) bytes")
            }
            #expect(format.size(of: Array(bytes.prefix(8))) == nil)
        }
    }

    @Test("garbage after a valid signature gives nil or some size, never a crash")
    func garbage() {
        var generator = SeededBytes(seed: 42)
        let signatures: [[UInt8]] = [
            [0xFF, 0xD8, 0xFF], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], Array("GIF89a".utf8),
            Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8L".utf8), [0, 0, 0, 16] + Array("ftypavif".utf8),
        ]
        for signature in signatures {
            for length in [0, 1, 5, 30, 200] {
                for _ in 0..<200 {
                    let bytes = signature + generator.next(length)
                    for format in ImageFormat.allCases {
                        _ = format.size(of: bytes)
                    }
                }
            }
        }
        #expect(ImageFormat.png.size(of: SampleImage.png(width: 0, height: 480)) == nil)
        #expect(ImageFormat.png.size(of: SampleImage.gif(width: 10, height: 20)) == nil)
    }

    @Test("SVG and HTML are not images, even when they draw one")
    func markup() {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#
        #expect(ImageFormat.sniff(Array(svg.utf8)) == nil)
        #expect(ImageFormat.sniff(Array(#"<?xml version="1.0"?><svg/>"#.utf8)) == nil)
        #expect(ImageFormat.sniff(Array("<!DOCTYPE html><img src=x onerror=alert(1)>".utf8)) == nil)
        #expect(ImageFormat.sniff([]) == nil)
    }

    @Test("a text file named like a JPEG is not recognised")
    func misnamed() {
        let upload = (fileName: "holiday.jpg", bytes: Array("Not a picture at all, just text.\n".utf8))
        #expect(ImageFormat.sniff(upload.bytes) == nil)
        #expect(ImageFormat.jpeg.size(of: upload.bytes) == nil)
    }
}

/// The smallest headers real files start with, built here so the tests need no binary fixtures.
enum SampleImage {
    static func jpeg(width: Int, height: Int, frameMarker: UInt8 = 0xC0) -> [UInt8] {
        let app0: [UInt8] = [0xFF, 0xE0, 0x00, 0x10] + Array("JFIF\u{0}".utf8) + [1, 1, 0, 0, 1, 0, 1, 0, 0]
        // A Huffman table segment is in the SOF marker range but is not a frame header.
        let huffman: [UInt8] = [0xFF, 0xC4, 0x00, 0x05, 0x00, 0x01, 0x02]
        let frame: [UInt8] =
            [0xFF, frameMarker, 0x00, 0x11, 8] + bigEndian(height, width: 2) + bigEndian(width, width: 2)
            + [3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
        // Fill bytes before a marker, and a standalone restart marker, are both legal.
        return [0xFF, 0xD8] + app0 + [0xFF, 0xFF] + huffman + [0xFF, 0xD0] + frame + [0xFF, 0xD9]
    }

    static func png(width: Int, height: Int) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + bigEndian(13, width: 4) + Array("IHDR".utf8)
            + bigEndian(width, width: 4) + bigEndian(height, width: 4) + [8, 6, 0, 0, 0] + [0, 0, 0, 0]
    }

    static func gif(width: Int, height: Int) -> [UInt8] {
        Array("GIF89a".utf8) + littleEndian(width, width: 2) + littleEndian(height, width: 2) + [0xF7, 0, 0]
    }

    static func webpLossy(width: Int, height: Int) -> [UInt8] {
        riff(
            "VP8 ",
            [0x30, 0x01, 0x00, 0x9D, 0x01, 0x2A] + littleEndian(width, width: 2) + littleEndian(height, width: 2))
    }

    static func webpLossless(width: Int, height: Int) -> [UInt8] {
        riff("VP8L", [0x2F] + littleEndian((width - 1) | (height - 1) << 14 | 1 << 28, width: 4))
    }

    static func webpExtended(width: Int, height: Int) -> [UInt8] {
        riff("VP8X", [0x10, 0, 0, 0] + littleEndian(width - 1, width: 3) + littleEndian(height - 1, width: 3))
    }

    /// An `ftyp` box, then a `meta` box naming item 1 as primary and linking it to its size (and rotation).
    static func avif(width: Int, height: Int, quarterTurns: Int? = nil) -> [UInt8] {
        let fileType = box("ftyp", Array("avif".utf8) + [0, 0, 0, 0] + Array("mif1miaf".utf8))
        let primary = box("pitm", [0, 0, 0, 0, 0, 1])
        let size = box("ispe", [0, 0, 0, 0] + bigEndian(width, width: 4) + bigEndian(height, width: 4))
        let rotation = quarterTurns.map { box("irot", [UInt8($0)]) } ?? []
        let thumbnailSize = box("ispe", [0, 0, 0, 0] + bigEndian(64, width: 4) + bigEndian(32, width: 4))
        // The thumbnail item and its size come first, so only following the primary item finds the right size.
        let links: [UInt8] = quarterTurns == nil ? [1, 0x82] : [2, 0x83, 0x82]
        let associations = box("ipma", [0, 0, 0, 0, 0, 0, 0, 2] + [0, 2, 1, 0x81] + [0, 1] + links)
        let properties = box("iprp", box("ipco", thumbnailSize + rotation + size) + associations)
        return fileType + box("meta", [0, 0, 0, 0] + primary + properties) + box("mdat", [1, 2, 3])
    }

    static func box(_ type: String, _ content: [UInt8]) -> [UInt8] {
        bigEndian(content.count + 8, width: 4) + Array(type.utf8) + content
    }

    private static func riff(_ chunk: String, _ content: [UInt8]) -> [UInt8] {
        let body = Array("WEBP".utf8) + Array(chunk.utf8) + littleEndian(content.count, width: 4) + content
        return Array("RIFF".utf8) + littleEndian(body.count, width: 4) + body
    }

    private static func bigEndian(_ value: Int, width: Int) -> [UInt8] {
        (0..<width).reversed().map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }

    private static func littleEndian(_ value: Int, width: Int) -> [UInt8] {
        (0..<width).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }
}

/// Repeatable pseudo-random bytes, so a failing garbage case can be replayed.
private struct SeededBytes {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }
}
