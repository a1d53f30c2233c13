import Foundation
import GazetteContent

/// Names of stored media files: `2026/11/harbour-at-dawn-3fa9c2.jpg`. Never taken from the upload as is, so
/// no name can climb out of the folder, collide with another, or carry an executable extension.
package enum MediaPath {
    package static func new(for originalName: String, format: ImageFormat, at date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month], from: date)
        let base = (originalName as NSString).deletingPathExtension
        // Slugs keep scripts other than Latin readable; file names stay plain ASCII.
        let ascii = Slug(from: base, fallback: "image").value.filter {
            ($0.isASCII && $0.isNumber) || ("a"..."z").contains($0) || $0 == "-"
        }
        let trimmed = String(ascii.prefix(60)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        let slug = trimmed.isEmpty ? "image" : trimmed
        let random = (0..<6).map { _ in String("0123456789abcdef".randomElement()!) }.joined()
        return String(format: "%04d/%02d/", parts.year ?? 1970, parts.month ?? 1)
            + "\(slug)-\(random).\(format.fileExtension)"
    }

    /// The file name as the uploader knew it, without any folders their browser sent.
    package static func displayName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F })
        return clean.isEmpty ? "image" : String(clean.prefix(200))
    }

    /// True for exactly the shape `new` produces: `yyyy/mm/name.ext` of lowercase letters, digits and dashes.
    package static func isWellFormed(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2,
            parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), parts[1].allSatisfy({ $0.isASCII && $0.isNumber })
        else { return false }
        let name = parts[2]
        let pieces = name.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count == 2, !pieces[0].isEmpty, pieces[0].first != "-",
            ImageFormat.allCases.contains(where: { $0.fileExtension == pieces[1] })
        else { return false }
        return pieces[0].allSatisfy { ($0.isASCII && $0.isNumber) || ("a"..."z").contains($0) || $0 == "-" }
    }
}
