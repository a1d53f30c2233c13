import Crypto
import Foundation
import GazetteContent
import GazetteStorage

/// Two-step sign-in with an authenticator app (TOTP, RFC 6238: six digits, 30 seconds, SHA-1, as every app
/// reads them) and one-time recovery codes for a lost phone.
public struct TwoFactorService: Sendable {
    private let store: TwoFactorStore
    private let clock: Clock
    public static let recoveryCodeCount = 10

    public init(store: TwoFactorStore, clock: Clock) {
        self.store = store
        self.clock = clock
    }

    /// What someone setting up sees: the key to type into the app and the link a phone opens.
    public struct Setup: Sendable, Equatable {
        /// Base32, grouped by four for reading aloud and typing.
        public var key: String
        public var authenticatorURL: String
    }

    public func state(userID: Int64) async throws -> TwoFactorStore.State? {
        try await store.state(userID: userID)
    }

    public func isEnabled(userID: Int64) async throws -> Bool {
        try await store.state(userID: userID)?.isEnabled ?? false
    }

    /// The secret being set up, made now if there is none yet; nil once two-step sign-in is on.
    public func setup(for author: Author, issuer: String) async throws -> Setup? {
        guard var state = try await store.state(userID: author.id), !state.isEnabled else { return nil }
        if state.secret.isEmpty {
            try await store.startSetup(userID: author.id, secret: Self.newSecret())
            guard let fresh = try await store.state(userID: author.id) else { return nil }
            state = fresh
        }
        let totp = TimeBasedCode(secret: state.secret)
        let url = totp.authenticatorURL(label: "\(issuer):\(author.email)", issuer: issuer)
        let key = totp.base32Key
        let grouped = stride(from: 0, to: key.count, by: 4).map { start in
            let from = key.index(key.startIndex, offsetBy: start)
            return String(key[from..<(key.index(from, offsetBy: 4, limitedBy: key.endIndex) ?? key.endIndex)])
        }
        return Setup(key: grouped.joined(separator: " "), authenticatorURL: url)
    }

    /// Turns it on when `code` is the app's current code; returns the recovery codes to show once, or nil for a
    /// wrong code.
    public func enable(userID: Int64, code: String) async throws -> [String]? {
        guard let state = try await store.state(userID: userID), !state.isEnabled, !state.secret.isEmpty,
            let step = Self.matchingStep(code, secret: state.secret, after: 0, at: clock.now())
        else { return nil }
        let codes = Self.newRecoveryCodes()
        guard
            try await store.enable(
                userID: userID, step: step, recoveryDigests: codes.map(Self.recoveryDigest), now: clock.now())
        else { return nil }
        return codes
    }

    public func disable(userID: Int64) async throws {
        try await store.disable(userID: userID)
    }

    /// New recovery codes, replacing the old ones, after a good current code; nil for a wrong code.
    public func newRecoveryCodes(userID: Int64, code: String) async throws -> [String]? {
        guard try await check(code, userID: userID) == .appCode else { return nil }
        let codes = Self.newRecoveryCodes()
        try await store.replaceRecoveryCodes(userID: userID, digests: codes.map(Self.recoveryDigest))
        return codes
    }

    public enum Check: Sendable, Equatable {
        case appCode
        case recoveryCode
        /// The app's code for a step already used: right, but seen once already.
        case alreadyUsed
        case wrong
    }

    /// Checks a code typed at sign-in: the app's code (once per time step) or an unused recovery code.
    public func check(_ typed: String, userID: Int64) async throws -> Check {
        guard let state = try await store.state(userID: userID), state.isEnabled else { return .wrong }
        let compact = Self.compact(typed)
        if compact.count == 6, compact.allSatisfy(\.isNumber) {
            guard let step = Self.matchingStep(compact, secret: state.secret, after: state.lastStep, at: clock.now())
            else {
                let used = Self.matchingStep(compact, secret: state.secret, after: 0, at: clock.now()) != nil
                return used ? .alreadyUsed : .wrong
            }
            guard try await store.accept(step: step, userID: userID) else { return .alreadyUsed }
            return .appCode
        }
        guard compact.count == 10,
            try await store.spendRecoveryCode(digest: Self.recoveryDigest(compact), userID: userID, now: clock.now())
        else { return .wrong }
        return .recoveryCode
    }

    // MARK: Codes

    /// The time step whose code is `typed`, looking one step either side for a phone's clock a little off;
    /// only steps after `lastStep` count.
    package static func matchingStep(_ typed: String, secret: String, after lastStep: Int64, at now: Date) -> Int64? {
        let compact = compact(typed)
        guard compact.count == 6, compact.allSatisfy(\.isNumber), let number = Int(compact) else { return nil }
        let current = TimeBasedCode.step(at: now)
        let totp = TimeBasedCode(secret: secret)
        for step in [current, current - 1, current + 1] where step > lastStep {
            if totp.code(step: step) == number {
                return step
            }
        }
        return nil
    }

    /// 26 random letters and digits: the key bytes the app and the server share (about 155 bits).
    package static func newSecret() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<26).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// Ten codes of ten characters from an alphabet without look-alikes (no 0/o, 1/l/i), shown as `xxxxx-xxxxx`.
    package static func newRecoveryCodes() -> [String] {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return (0..<recoveryCodeCount).map { _ in
            let characters = (0..<10).map { _ in alphabet.randomElement(using: &generator)! }
            return String(characters[0..<5]) + "-" + String(characters[5...])
        }
    }

    /// Spaces and dashes are ignored and letters may be typed in capitals.
    package static func compact(_ typed: String) -> String {
        String(typed.lowercased().filter { !$0.isWhitespace && $0 != "-" }.prefix(64))
    }

    package static func recoveryDigest(_ code: String) -> String {
        SecretToken.digest("recovery:" + compact(code))
    }
}
