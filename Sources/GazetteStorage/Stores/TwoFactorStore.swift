import Foundation
import GazetteContent
import SQLKit

/// Each person's two-step sign-in: the authenticator secret, whether it is on, the last code's time step, and
/// the recovery codes (digests only, each usable once).
public struct TwoFactorStore: Sendable {
    private let database: Database

    public init(database: Database) {
        self.database = database
    }

    public struct State: Sendable, Equatable {
        /// Empty until the person starts setting it up.
        public var secret: String
        public var enabledAt: Date?
        /// The newest 30-second step a code was accepted for; codes of that step or older are refused.
        public var lastStep: Int64
        public var recoveryCodesLeft: Int

        public var isEnabled: Bool { enabledAt != nil }
    }

    public func state(userID: Int64) async throws -> State? {
        try await database.read { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT totp_secret, totp_enabled_at, totp_last_step,
                        (SELECT COUNT(*) FROM recovery_codes r WHERE r.user_id = a.id AND r.used_at IS NULL) AS codes
                    FROM authors a WHERE a.id = \(bind: userID)
                    """
                ).first()
            else { return nil }
            return State(
                secret: try row.string("totp_secret"), enabledAt: try row.optionalDate("totp_enabled_at"),
                lastStep: try row.int64("totp_last_step"), recoveryCodesLeft: Int(try row.int64("codes")))
        }
    }

    /// Keeps a new secret for someone setting up; never replaces the secret of a person who has it on.
    public func startSetup(userID: Int64, secret: String) async throws {
        try await database.write { db in
            try await db.raw(
                """
                UPDATE authors SET totp_secret = \(bind: secret), totp_last_step = 0
                WHERE id = \(bind: userID) AND totp_enabled_at IS NULL
                """
            ).run()
        }
    }

    /// Turns two-step sign-in on after a first good code, with fresh recovery codes; false when it was already
    /// on or no secret was set up.
    public func enable(userID: Int64, step: Int64, recoveryDigests: [String], now: Date) async throws -> Bool {
        try await database.write { db in
            let changed = try await db.raw(
                """
                UPDATE authors SET totp_enabled_at = \(bind: now.storedSeconds), totp_last_step = \(bind: step)
                WHERE id = \(bind: userID) AND totp_enabled_at IS NULL AND totp_secret <> ''
                RETURNING id
                """
            ).first()
            guard changed != nil else { return false }
            try await Self.replaceCodes(userID: userID, digests: recoveryDigests, in: db)
            return true
        }
    }

    public func disable(userID: Int64) async throws {
        try await database.write { db in
            try await db.raw(
                """
                UPDATE authors SET totp_secret = '', totp_enabled_at = NULL, totp_last_step = 0
                WHERE id = \(bind: userID)
                """
            ).run()
            try await db.raw("DELETE FROM recovery_codes WHERE user_id = \(bind: userID)").run()
        }
    }

    public func replaceRecoveryCodes(userID: Int64, digests: [String]) async throws {
        try await database.write { db in try await Self.replaceCodes(userID: userID, digests: digests, in: db) }
    }

    /// Records that a code of `step` was used; false when that step or a later one was already used, so a code
    /// seen over someone's shoulder does not work a second time.
    public func accept(step: Int64, userID: Int64) async throws -> Bool {
        try await database.write { db in
            try await db.raw(
                """
                UPDATE authors SET totp_last_step = \(bind: step)
                WHERE id = \(bind: userID) AND totp_last_step < \(bind: step) AND totp_enabled_at IS NOT NULL
                RETURNING id
                """
            ).first() != nil
        }
    }

    /// Spends a recovery code; false when there is no such unused code.
    public func spendRecoveryCode(digest: String, userID: Int64, now: Date) async throws -> Bool {
        try await database.write { db in
            try await db.raw(
                """
                UPDATE recovery_codes SET used_at = \(bind: now.storedSeconds)
                WHERE id = (SELECT id FROM recovery_codes
                    WHERE user_id = \(bind: userID) AND digest = \(bind: digest) AND used_at IS NULL LIMIT 1)
                    AND used_at IS NULL
                RETURNING id
                """
            ).first() != nil
        }
    }

    private static func replaceCodes(userID: Int64, digests: [String], in db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM recovery_codes WHERE user_id = \(bind: userID)").run()
        for digest in digests {
            try await db.raw(
                "INSERT INTO recovery_codes (user_id, digest) VALUES (\(bind: userID), \(bind: digest))"
            ).run()
        }
    }
}
