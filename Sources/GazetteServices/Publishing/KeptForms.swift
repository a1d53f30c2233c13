import Foundation
import GazetteStorage

/// Keeps a newsroom form that arrived when its session had ended (or its page had expired), so the work in
/// it is not lost: the person signs in again and finds the form filled as they sent it. Kept for a day under
/// a random one-time key, which travels in the address they come back to and in a cookie of their browser.
public struct KeptForms: Sendable {
    private let store: KeptFormStore
    private let clock: Clock
    /// How long a kept form waits to be taken.
    package static let lifetime: TimeInterval = 86_400
    /// Text fields only: a file chosen in the form is not kept, and nothing bigger than this is.
    package static let maximumBytes = 4 * 1_048_576
    /// All the forms waiting at once hold at most this much: forms arrive without a session, so a flood of
    /// them must not fill the disk. Past it, a form is not kept and the person is only sent to sign in.
    public static let waitingBudget = 64 * 1_048_576

    private let budget: Int

    public init(store: KeptFormStore, clock: Clock, waitingBudget: Int = KeptForms.waitingBudget) {
        self.store = store
        self.clock = clock
        budget = waitingBudget
    }

    /// A form found again.
    package struct Found: Sendable {
        package var fields: [String: [String]]
        package var keptAt: Date
    }

    /// Keeps the fields posted to `path`; returns the key to come back with, or nil when there is nothing
    /// worth keeping (or too much).
    package func keep(path: String, fields: [String: [String]]) async throws -> String? {
        let size = fields.reduce(0) { $0 + $1.key.utf8.count + $1.value.reduce(0) { $0 + $1.utf8.count } }
        guard size > 0, size <= Self.maximumBytes else { return nil }
        guard try await store.waitingBytes() + size <= budget else { return nil }
        let key = SecretToken.make()
        try await store.keep(key: key, path: path, fields: fields, at: clock.now())
        return key
    }

    /// The form kept under `key` for `path`, once; nil when it was taken, has expired or was for another page.
    package func take(key: String, path: String) async throws -> Found? {
        guard !key.isEmpty, let kept = try await store.take(key: key), kept.path == path,
            clock.now().timeIntervalSince(kept.keptAt) <= Self.lifetime
        else { return nil }
        return Found(fields: kept.fields, keptAt: kept.keptAt)
    }

    /// Forms nobody came back for.
    public func purgeExpired() async throws {
        try await store.purge(before: clock.now().addingTimeInterval(-Self.lifetime))
    }
}
