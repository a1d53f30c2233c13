import Foundation

/// A theme's static files, held in memory under fingerprinted names (`gazette.3fa2c1d09b.css`) so they can
/// be cached for a year and change address whenever their content changes.
public struct ThemeAssets: Sendable {
    public struct Asset: Sendable {
        public let bytes: [UInt8]
        public let contentType: String
        /// True when asked for by its fingerprinted name, which never changes content.
        public let isImmutable: Bool
    }

    private var byRequestName: [String: Asset] = [:]
    private var fingerprinted: [String: String] = [:]

    /// Loads every file of each folder; a later folder's file replaces an earlier one's of the same name.
    package init(folders: [URL]) throws {
        var files: [String: URL] = [:]
        for folder in folders {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names where !name.hasPrefix(".") {
                files[name] = folder.appendingPathComponent(name)
            }
        }
        for (name, url) in files {
            let bytes = [UInt8](try Data(contentsOf: url))
            let type = Self.contentType(for: url.pathExtension)
            let hashed = Self.fingerprintedName(name, bytes: bytes)
            fingerprinted[name] = hashed
            byRequestName[hashed] = Asset(bytes: bytes, contentType: type, isImmutable: true)
            byRequestName[name] = Asset(bytes: bytes, contentType: type, isImmutable: false)
        }
    }

    /// The path to link to for an asset, e.g. `/assets/gazette.3fa2c1d09b.css`.
    public func url(for name: String) -> String {
        "/assets/" + (fingerprinted[name] ?? name)
    }

    /// The asset for a requested file name; only names the theme has are ever served, so no path is opened.
    public func asset(named name: String) -> Asset? {
        byRequestName[name]
    }

    package static func fingerprintedName(_ name: String, bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let digest = String(String(hash, radix: 16).suffix(10))
        guard let dot = name.lastIndex(of: ".") else { return "\(name).\(digest)" }
        return "\(name[..<dot]).\(digest)\(name[dot...])"
    }

    package static func contentType(for fileExtension: String) -> String {
        switch fileExtension.lowercased() {
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "woff2": "font/woff2"
        case "txt": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
