import Foundation
import GazetteContent
import Logging
import Synchronization

/// Smaller copies of each uploaded image, so a phone downloads a picture its size: 480, 960 and 1600
/// pixels wide (never wider than the original), in the original's format and in WebP, beside the original
/// (`harbour-3fa9c2.jpg` → `harbour-3fa9c2-960w.jpg`, `harbour-3fa9c2-960w.webp`). Pages list them in
/// `srcset`; the original stays, and feeds and the largest screens use it.
public final class ImageVariants: Sendable {
    public static let widths = [480, 960, 1600]
    private let folder: URL
    private let resizer: ImageResizer
    private let logger: Logger
    private let saidMissing = Mutex(false)
    /// What exists for each address already asked about: copies are never changed once made, so a found set
    /// is kept; "none" is asked again after a minute (copies made by another instance, or a backfill).
    private let known = Mutex<[String: (Found, Date)]>([:])
    private static let recheckAfter: TimeInterval = 60
    private static let rememberedAddresses = 20_000

    public init(folder: URL, resizer: ImageResizer, logger: Logger = Logger(label: "gazette.media")) {
        self.folder = folder
        self.resizer = resizer
        self.logger = logger
    }

    /// The copies that exist for one image, widest last.
    public struct Found: Sendable, Equatable {
        /// (width, address) in the original's format.
        public var sameFormat: [(width: Int, url: String)]
        /// (width, address) in WebP; empty when the original is WebP (`sameFormat` has them).
        public var webp: [(width: Int, url: String)]

        public static func == (a: Found, b: Found) -> Bool {
            a.sameFormat.map(\.url) == b.sameFormat.map(\.url) && a.webp.map(\.url) == b.webp.map(\.url)
        }

        public var isEmpty: Bool { sameFormat.isEmpty && webp.isEmpty }
    }

    /// The formats that get copies, for an original in `format`: animated GIFs and AVIF stay as they are.
    static func formats(for format: ImageFormat) -> [ImageFormat] {
        switch format {
        case .jpeg, .png: [format, .webp]
        case .webp: [.webp]
        case .gif, .avif: []
        }
    }

    /// The stored path of one copy.
    static func path(of original: String, width: Int, format: ImageFormat) -> String {
        let stem = (original as NSString).deletingPathExtension
        return "\(stem)-\(width)w.\(format.fileExtension)"
    }

    /// Makes the copies of an upload just stored at `path`; returns how many were made. Without the
    /// resizing program it makes none and says so in the log once.
    @discardableResult
    public func make(for path: String, format: ImageFormat, size: ImageSize?) async -> Int {
        guard resizer.isAvailable else {
            let first = saidMissing.withLock { said in
                defer { said = true }
                return !said
            }
            if first {
                logger.notice(
                    "Uploaded images are served at their original size: vipsthumbnail (libvips) was not found on the PATH. Install it (Debian and Ubuntu: apt-get install libvips-tools) for resized copies."
                )
            }
            return 0
        }
        let original = folder.appendingPathComponent(path)
        let widths = Self.widths.filter { width in size.map { width < $0.width } ?? true }
        var made = 0
        for format in Self.formats(for: format) {
            for width in widths {
                let target = folder.appendingPathComponent(Self.path(of: path, width: width, format: format))
                do {
                    try await resizer.resize(original, to: target, width: width, format: format)
                    made += 1
                } catch {
                    logger.warning("No \(width) px \(format.rawValue) copy of \(path): \(error)")
                }
            }
        }
        known.withLock { _ = $0.removeValue(forKey: SiteURL.media(path)) }
        return made
    }

    /// Removes the copies of an image being deleted.
    public func remove(for path: String) {
        for format in [ImageFormat.jpeg, .png, .webp] {
            for width in Self.widths {
                try? FileManager.default.removeItem(
                    at: folder.appendingPathComponent(Self.path(of: path, width: width, format: format)))
            }
        }
        known.withLock { _ = $0.removeValue(forKey: SiteURL.media(path)) }
    }

    /// The copies of the image at `url` (a `/media/…` address), or nil when it has none or is elsewhere.
    public func copies(of url: String, now: Date = Date()) -> Found? {
        guard url.hasPrefix(SiteURL.mediaPrefix) else { return nil }
        if let (found, at) = known.withLock({ $0[url] }),
            !found.isEmpty || now.timeIntervalSince(at) < Self.recheckAfter
        {
            return found.isEmpty ? nil : found
        }
        let path = String(url.dropFirst(SiteURL.mediaPrefix.count))
        guard MediaPath.isWellFormed(path), let format = ImageFormat(fileExtension: (path as NSString).pathExtension)
        else { return nil }
        func existing(_ format: ImageFormat) -> [(width: Int, url: String)] {
            Self.widths.compactMap { width in
                let copy = Self.path(of: path, width: width, format: format)
                guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(copy).path) else {
                    return nil
                }
                return (width, SiteURL.media(copy))
            }
        }
        let formats = Self.formats(for: format)
        let found = Found(
            sameFormat: formats.contains(format) ? existing(format) : [],
            webp: format != .webp && formats.contains(.webp) ? existing(.webp) : [])
        known.withLock { known in
            if known.count >= Self.rememberedAddresses { known.removeAll(keepingCapacity: true) }
            known[url] = (found, now)
        }
        return found.isEmpty ? nil : found
    }
}
