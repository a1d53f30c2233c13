import Foundation
import GazetteContent

/// The post meta a Gazette export adds to WordPress's fields, for what WordPress has no place for. An
/// import reads them back, so a Gazette site survives the trip through WXR unchanged.
package enum GazetteMeta {
    package static let markdown = "_gazette_markdown"
    package static let status = "_gazette_status"
    package static let dek = "_gazette_dek"
    package static let source = "_gazette_source"
    package static let sourceURL = "_gazette_source_url"
    package static let canonicalURL = "_gazette_canonical_url"
    package static let imageCredit = "_gazette_image_credit"
    /// A JSON array of `{"noted_at": seconds since 1970, "note": text}`.
    package static let corrections = "_gazette_corrections"
    /// Old paths that redirect to the article, one a line.
    package static let redirects = "_gazette_redirects"

    private struct StoredCorrection: Codable {
        var notedAt: Int64
        var note: String

        enum CodingKeys: String, CodingKey {
            case notedAt = "noted_at"
            case note
        }
    }

    package static func encode(_ corrections: [Correction]) -> String {
        let stored = corrections.map { StoredCorrection(notedAt: $0.notedAt.storedSecondsForExport, note: $0.note) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(stored)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    /// The corrections in the meta; nil when it is not what `encode` writes.
    package static func decode(_ text: String) -> [Correction]? {
        guard let stored = try? JSONDecoder().decode([StoredCorrection].self, from: Data(text.utf8)) else { return nil }
        return stored.map {
            Correction(notedAt: Date(timeIntervalSince1970: TimeInterval($0.notedAt)), note: $0.note)
        }
    }
}

extension Date {
    fileprivate var storedSecondsForExport: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }
}
