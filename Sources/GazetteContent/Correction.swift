import Foundation

/// A dated note that tells readers what was wrong in an article and what changed.
public struct Correction: Sendable, Equatable, Codable {
    public var notedAt: Date
    public var note: String

    public init(notedAt: Date, note: String) {
        self.notedAt = notedAt
        self.note = note
    }
}
