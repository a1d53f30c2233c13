import GazetteContent
import Testing

@Suite("Upload rules")
struct MediaRulesTests {
    /// Whole files of each format: the header builders' bytes with image data and the format's ending added.
    enum Whole {
        static func jpeg(width: Int, height: Int) -> [UInt8] {
            let start = SampleImage.jpeg(width: width, height: height).dropLast(2)
            // A scan header, then entropy-coded bytes in which 0xFF is escaped as 0xFF 0x00, then the end.
            let scan: [UInt8] = [0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 0x3F, 0]
            return Array(start) + scan + [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56] + [0xFF, 0xD9]
        }

        static func png(width: Int, height: Int) -> [UInt8] {
            SampleImage.png(width: width, height: height) + chunk("IDAT", [0x78, 0x9C, 1, 2, 3])
                + chunk("IEND", [])
        }

        static func gif(width: Int, height: Int) -> [UInt8] {
            SampleImage.gif(width: width, height: height) + [0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x4C, 1, 0, 0x3B]
        }

        static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let length = data.count
            return [
                UInt8(length >> 24 & 0xFF), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF),
            ]
                + Array(type.utf8) + data + [0, 0, 0, 0]
        }
    }

    static let wholeFiles: [(ImageFormat, [UInt8])] = [
        (.jpeg, Whole.jpeg(width: 1200, height: 800)),
        (.png, Whole.png(width: 640, height: 480)),
        (.gif, Whole.gif(width: 10, height: 20)),
        (.webp, SampleImage.webpLossy(width: 800, height: 600)),
        (.avif, SampleImage.avif(width: 1920, height: 1080)),
    ]

    @Test("a whole image of each format is accepted with its size")
    func accepted() throws {
        for (format, bytes) in Self.wholeFiles {
            let checked = try MediaRules.check(bytes).get()
            #expect(checked.format == format)
            #expect(checked.size == format.size(of: bytes))
        }
    }

    @Test("every format cut short is refused, at any length past its header")
    func truncated() {
        for (format, bytes) in Self.wholeFiles {
            // Cuts that keep the header readable, so only the completeness check can catch them.
            for length in stride(from: bytes.count - 1, through: 1, by: -1) {
                let cut = Array(bytes.prefix(length))
                guard format.size(of: cut) != nil else { continue }
                guard case .failure(let refusal) = MediaRules.check(cut) else {
                    Issue.record("\(format) cut to \(length) of \(bytes.count) bytes was accepted")
                    continue
                }
                #expect(refusal.message.contains("cut short"), "\(format) at \(length): \(refusal.message)")
            }
        }
    }

    @Test("a JPEG whose image data holds an escaped 0xFF but no end marker is cut short")
    func jpegWithoutEnd() {
        let whole = Whole.jpeg(width: 100, height: 100)
        #expect(ImageFormat.jpeg.isComplete(whole))
        #expect(!ImageFormat.jpeg.isComplete(Array(whole.dropLast(2)) + [0xFF, 0x00]))
        // Camera trailers after the end marker are normal.
        #expect(ImageFormat.jpeg.isComplete(whole + Array("trailer".utf8)))
    }

    @Test("an AVIF with a 64-bit media box size is whole when the size matches")
    func avifLargeBox() {
        let header = Array(SampleImage.avif(width: 64, height: 64).dropLast(11))
        let data: [UInt8] = [9, 8, 7, 6]
        let large = [0, 0, 0, 1] + Array("mdat".utf8) + [0, 0, 0, 0, 0, 0, 0, UInt8(16 + data.count)] + data
        #expect(ImageFormat.avif.isComplete(header + large))
        #expect(!ImageFormat.avif.isComplete(header + large.dropLast()))
        #expect(!ImageFormat.avif.isComplete(header))
    }

    @Test("decompression bombs: a small file claiming too many pixels is refused, naming the limit")
    func bombs() {
        let cases: [[UInt8]] = [
            Whole.png(width: 50_000, height: 50_000),
            Whole.png(width: 16_385, height: 10),
            Whole.jpeg(width: 10_000, height: 6_000),
            Whole.gif(width: 65_535, height: 65_535),
            SampleImage.webpExtended(width: 16_000, height: 16_000),
            SampleImage.avif(width: 100_000, height: 100_000),
        ]
        for bytes in cases {
            guard case .failure(let refusal) = MediaRules.check(bytes) else {
                Issue.record("a \(bytes.count)-byte bomb was accepted")
                continue
            }
            #expect(refusal.message.contains("16,384 pixels on a side and 50 megapixels"), "\(refusal.message)")
        }
        #expect(refusal(Whole.png(width: 50_000, height: 50_000))?.contains("50,000 × 50,000 pixels") == true)
        // At the limits exactly, a photograph is accepted.
        #expect((try? MediaRules.check(Whole.jpeg(width: 8_000, height: 6_250)).get()) != nil)
        #expect((try? MediaRules.check(Whole.png(width: 16_384, height: 100)).get()) != nil)
    }

    @Test("a header whose size cannot be read is refused as damaged")
    func unreadable() {
        let zeroWidth = Whole.png(width: 0, height: 10)
        #expect(refusal(zeroWidth)?.contains("cannot be read") == true)
        let noFrame: [UInt8] = [0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0x12, 0x34, 0xFF, 0xD9]
        #expect(refusal(noFrame)?.contains("cannot be read") == true)
    }

    private func refusal(_ bytes: [UInt8]) -> String? {
        guard case .failure(let refusal) = MediaRules.check(bytes) else { return nil }
        return refusal.message
    }
}
