import Foundation
import SQLKit

extension OutboxStore {
    /// Keeps claimed messages this instance's a while longer, as it works through them.
    public func extendClaim(ids: [Int64], until: Date) async throws {
        guard !ids.isEmpty else { return }
        try await database.write { db in
            try await db.raw(
                """
                UPDATE outbox SET claimed_until = \(bind: until.storedSeconds)
                WHERE id IN (\(binds: ids)) AND status = 'sending'
                """
            ).run()
        }
    }

    /// Gives back claimed messages that were not tried (their connection was lost first): due again at
    /// once, the attempt not counted.
    public func release(ids: [Int64]) async throws {
        guard !ids.isEmpty else { return }
        try await database.write { db in
            try await db.raw(
                """
                UPDATE outbox SET status = 'waiting', claimed_until = 0, attempts = attempts - 1
                WHERE id IN (\(binds: ids)) AND status = 'sending'
                """
            ).run()
        }
    }
}
