import Foundation
import GazetteStorage

/// The editor's autosave: while someone writes, the form is kept every half minute and as they leave the
/// page, apart from the article (readers and the revision history see nothing of it until they save), and
/// offered back when they open the editor again. One copy per person and article; a save clears it.
public struct Autosaves: Sendable {
    private let store: AutosaveStore
    private let clock: Clock
    /// Copies nobody came back to go after this long.
    package static let lifetime: TimeInterval = 30 * 86_400
    /// Text fields only, at most as much as the editor's body may hold.
    package static let maximumBytes = 4 * 1_048_576

    public init(store: AutosaveStore, clock: Clock) {
        self.store = store
        self.clock = clock
    }

    /// A kept copy, as offered back.
    package struct Copy: Sendable, Equatable {
        package var fields: [String: [String]]
        package var basedOnRevision: Int
        package var savedAt: Date
    }

    /// The key of an article's copies: its id, or "new" for the article someone is starting.
    private static func key(_ articleID: Int64?) -> String {
        articleID.map(String.init) ?? "new"
    }

    /// Keeps the form's text fields; returns when, or nil when there was nothing to keep or too much.
    package func keep(
        authorID: Int64, articleID: Int64?, fields: [String: [String]], basedOnRevision: Int
    ) async throws -> Date? {
        let size = fields.reduce(0) { $0 + $1.key.utf8.count + $1.value.reduce(0) { $0 + $1.utf8.count } }
        guard size > 0, size <= Self.maximumBytes else { return nil }
        let now = clock.now()
        try await store.keep(
            authorID: authorID, articleKey: Self.key(articleID), fields: fields, basedOnRevision: basedOnRevision,
            at: now)
        return now
    }

    /// This person's kept copy of the article, if any (and not too old).
    package func copy(authorID: Int64, articleID: Int64?) async throws -> Copy? {
        guard let kept = try await store.find(authorID: authorID, articleKey: Self.key(articleID)),
            clock.now().timeIntervalSince(kept.savedAt) <= Self.lifetime
        else { return nil }
        return Copy(fields: kept.fields, basedOnRevision: kept.basedOnRevision, savedAt: kept.savedAt)
    }

    /// Forgets the copy: after a save, or when the person discards it.
    package func discard(authorID: Int64, articleID: Int64?) async throws {
        try await store.discard(authorID: authorID, articleKey: Self.key(articleID))
    }

    public func purgeExpired() async throws {
        try await store.purge(before: clock.now().addingTimeInterval(-Self.lifetime))
    }
}
