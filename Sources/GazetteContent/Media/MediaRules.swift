import Foundation

/// What an upload must be: a whole image of a known kind, not too large in bytes or in pixels.
///
/// The pixel bound is what stops a decompression bomb: a few kilobytes that claim 50,000 × 50,000 pixels would
/// make every reader's browser (and any future thumbnailer) allocate gigabytes to draw it.
public enum MediaRules {
    public static let maximumBytes = 10 * 1024 * 1024
    /// The longest side browsers and image tools handle everywhere.
    public static let maximumSide = 16_384
    /// About 200 MB once decoded to four bytes a pixel; a 50-megapixel camera's photographs fit.
    public static let maximumPixels = 50_000_000

    /// An upload that passed every check, with what was read from it.
    public struct CheckedImage: Sendable, Equatable {
        public var format: ImageFormat
        public var size: ImageSize
    }

    /// The image's kind and size, or a sentence saying why the file is refused.
    public static func check(_ bytes: [UInt8]) -> Result<CheckedImage, MediaRefusal> {
        if bytes.isEmpty { return .failure(MediaRefusal("The file is empty. Choose an image to upload.")) }
        if bytes.count > maximumBytes {
            return .failure(
                MediaRefusal(
                    "The file is \(megabytes(bytes.count)); images can be at most \(megabytes(maximumBytes))."))
        }
        guard let format = ImageFormat.sniff(bytes) else {
            return .failure(
                MediaRefusal("This file is not an image Gazette can use. Upload a JPEG, PNG, GIF, WebP or AVIF file."))
        }
        guard let size = format.size(of: bytes) else {
            return .failure(
                MediaRefusal(
                    "The size of this \(format.displayName) image cannot be read: the file is damaged. "
                        + "Export it again from your photo editor and upload the new file."))
        }
        if size.width > maximumSide || size.height > maximumSide || size.width * size.height > maximumPixels {
            return .failure(
                MediaRefusal(
                    "This image is \(grouped(size.width)) × \(grouped(size.height)) pixels; images can be at most "
                        + "\(grouped(maximumSide)) pixels on a side and \(maximumPixels / 1_000_000) megapixels in all. "
                        + "Make it smaller and upload it again."))
        }
        guard format.isComplete(bytes) else {
            return .failure(
                MediaRefusal(
                    "This \(format.displayName) file is cut short: its end is missing, so readers would see part of "
                        + "the picture. Upload the whole file again."))
        }
        return .success(CheckedImage(format: format, size: size))
    }

    static func megabytes(_ count: Int) -> String {
        let value = Double(count) / 1_048_576
        return value >= 10 ? "\(Int(value.rounded())) MB" : String(format: "%.1f MB", value)
    }

    /// 16384 as "16,384": the page language is English, so the separator is fixed rather than the server's locale.
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
