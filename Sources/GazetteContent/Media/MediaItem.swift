import Foundation

/// An uploaded image with what readers and the law need alongside it: alternative text and credit.
public struct MediaItem: Sendable, Equatable, Identifiable {
    public var id: Int64
    /// Where the file lives under the media folder and under `/media/`, such as `2026/11/harbour-3fa9c2.jpg`.
    public var path: String
    /// The name the file had on the uploader's computer, shown in the library.
    public var originalName: String
    public var format: ImageFormat
    public var byteCount: Int
    public var size: ImageSize?
    public var alt: String
    public var caption: String
    public var credit: String
    public var uploaderID: Int64?
    public var uploadedBy: String?
    public var uploadedAt: Date

    public init(
        id: Int64, path: String, originalName: String, format: ImageFormat, byteCount: Int, size: ImageSize?,
        alt: String, caption: String, credit: String, uploaderID: Int64?, uploadedBy: String?, uploadedAt: Date
    ) {
        self.id = id
        self.path = path
        self.originalName = originalName
        self.format = format
        self.byteCount = byteCount
        self.size = size
        self.alt = alt
        self.caption = caption
        self.credit = credit
        self.uploaderID = uploaderID
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
    }
}

/// The words kept with an image, checked before anything is stored.
public struct MediaText: Sendable, Equatable {
    public var alt: String
    public var caption: String
    public var credit: String

    public init(alt: String, caption: String = "", credit: String = "") {
        self.alt = alt
        self.caption = caption
        self.credit = credit
    }

    /// Trimmed text, or the problems by field (`alt`, `caption`, `credit`).
    public func validated() throws(ValidationErrors) -> MediaText {
        var errors = ValidationErrors()
        let alt = alt.trimmingCharacters(in: .whitespacesAndNewlines)
        let caption = caption.trimmingCharacters(in: .whitespacesAndNewlines)
        let credit = credit.trimmingCharacters(in: .whitespacesAndNewlines)
        if alt.isEmpty {
            errors.add("alt", "Describe the image for readers who cannot see it.")
        } else if alt.count > Limits.captionLength {
            errors.add("alt", "The description is too long: at most \(Limits.captionLength) characters.")
        }
        if caption.count > Limits.captionLength {
            errors.add("caption", "The caption is too long: at most \(Limits.captionLength) characters.")
        }
        if credit.count > Limits.nameLength * 2 {
            errors.add("credit", "The credit is too long: at most \(Limits.nameLength * 2) characters.")
        }
        guard errors.isEmpty else { throw errors }
        return MediaText(alt: alt, caption: caption, credit: credit)
    }
}

/// Why an upload was refused, in a sentence for the person uploading.
public struct MediaRefusal: Error, Sendable, Equatable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }
}
