import Foundation
import GazetteContent
import GazetteStorage
import HummingbirdBcrypt
import Synchronization

/// Newsroom accounts: the first-admin setup link, sign-in with throttling, sessions, password resets.
public struct AccountService: Sendable {
    private let accounts: AccountStore
    private let authors: AuthorStore
    public let twoFactor: TwoFactorService
    private let clock: Clock
    /// bcrypt's cost; tests lower it, since each step doubles the time.
    private let bcryptCost: UInt8
    private let unknownAccountHash: LazyHash

    public static let setupLinkLifetime: TimeInterval = 24 * 3_600
    public static let resetLinkLifetime: TimeInterval = 24 * 3_600
    public static let inviteLinkLifetime: TimeInterval = 7 * 86_400
    /// How long the code form waits after a right password.
    public static let secondStepLifetime: TimeInterval = 10 * 60
    /// A session ends after this long without a request…
    public static let idleTimeout: TimeInterval = 12 * 3_600
    /// …and after this long in any case.
    public static let absoluteTimeout: TimeInterval = 14 * 86_400
    public static let failureWindow: TimeInterval = 15 * 60
    /// Wrong passwords for one account from one client address: throttled there, and only there, so that
    /// guessing from elsewhere never locks the real owner out.
    public static let failuresPerAccount = 5
    public static let failuresPerIP = 20

    public init(
        accounts: AccountStore, authors: AuthorStore, twoFactor: TwoFactorService, clock: Clock, bcryptCost: UInt8 = 12
    ) {
        self.accounts = accounts
        self.authors = authors
        self.twoFactor = twoFactor
        self.clock = clock
        self.bcryptCost = bcryptCost
        unknownAccountHash = LazyHash(cost: bcryptCost)
    }

    // MARK: First run

    /// A one-time path to create the first admin, while nobody can sign in yet; nil afterwards.
    public func setupLinkIfNeeded() async throws -> String? {
        guard try await !accounts.hasUserWithPassword() else { return nil }
        let token = SecretToken.make()
        try await accounts.createLink(
            digest: SecretToken.digest(token), purpose: .setup, userID: nil, role: .admin, now: clock.now(),
            lifetime: Self.setupLinkLifetime)
        return AdminURL.setup(token: token).path
    }

    /// Whether anyone can sign in yet: before the first admin is created, nobody can.
    public func anyoneCanSignIn() async throws -> Bool {
        try await accounts.hasUserWithPassword()
    }

    /// Setup links stop working as soon as an admin can sign in, however many were printed.
    public func isUsable(setupToken token: String) async throws -> Bool {
        guard try await !accounts.hasUserWithPassword() else { return false }
        return try await accounts.peekLink(digest: SecretToken.digest(token), purpose: .setup, now: clock.now()) != nil
    }

    /// Creates the first admin with the setup link, which then stops working.
    public func completeSetup(
        token: String, name: String, email: String, password: String
    ) async throws
        -> SetupResult
    {
        var errors = ValidationErrors()
        var author = NewAuthor(name: name, email: email, role: .admin)
        do {
            author = try author.validated()
        } catch {
            errors = error
        }
        if let problem = PasswordRules.problem(with: password) { errors.add("password", problem) }
        guard errors.isEmpty else { return .invalid(errors) }
        let hash = Bcrypt.hash(password, cost: bcryptCost)
        let now = clock.now()
        let validated = author
        do {
            let created = try await accounts.consumeLink(digest: SecretToken.digest(token), purpose: .setup, now: now) {
                _, db in
                guard try await !AccountStore.hasAdmin(in: db) else { throw SetupClosed() }
                return try await AccountStore.insertUser(validated, passwordHash: hash, now: now, in: db)
            }
            guard let userID = created else { return .linkUnusable }
            return .created(userID: userID)
        } catch is SetupClosed {
            return .linkUnusable
        } catch let error as StorageError {
            errors.add("email", error.description)
            return .invalid(errors)
        }
    }

    private struct SetupClosed: Error {}

    public enum SetupResult: Sendable {
        case created(userID: Int64)
        case invalid(ValidationErrors)
        case linkUnusable
    }

    // MARK: Signing in

    public enum SignInResult: Sendable {
        case signedIn(SessionTokens, Author)
        /// The password was right and the person has two-step sign-in on: `challenge` goes in a cookie until
        /// the code is typed.
        case needsCode(challenge: String, Author)
        case wrongCredentials
        case throttled(retryAfterMinutes: Int)
    }

    /// The session cookie's value and the form token that proves a form came from this session.
    public struct SessionTokens: Sendable {
        public var session: String
        public var csrf: String
    }

    /// Checks a password, throttled per account and client address and per client address; the answer never
    /// says which of the email or the password was wrong.
    public func signIn(email: String, password: String, ip: String, userAgent: String) async throws -> SignInResult {
        let now = clock.now()
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        if let minutes = try await throttledMinutes(email: email, ip: ip, now: now) {
            return .throttled(retryAfterMinutes: minutes)
        }
        let account = try await accounts.credentials(email: email)
        // An unknown address costs the same bcrypt as a known one, so timing tells nobody who is staff.
        let hash = account.map(\.passwordHash).flatMap { $0.isEmpty ? nil : $0 } ?? unknownAccountHash.value
        let matches = Bcrypt.verify(password, hash: hash)
        guard let account, account.active, !account.passwordHash.isEmpty, matches else {
            try await accounts.recordFailure(email: email, ip: ip, now: now)
            return .wrongCredentials
        }
        if account.twoFactorOn {
            // Failures are cleared only once the code is right too, so a known password buys no more guesses.
            let challenge = SecretToken.make()
            try await accounts.createLink(
                digest: SecretToken.digest(challenge), purpose: .secondStep, userID: account.author.id, role: nil,
                now: now, lifetime: Self.secondStepLifetime)
            return .needsCode(challenge: challenge, account.author)
        }
        try await accounts.clearFailures(email: email, ip: ip)
        let tokens = try await startSession(userID: account.author.id, ip: ip, userAgent: userAgent)
        return .signedIn(tokens, account.author)
    }

    public enum SecondStepResult: Sendable {
        case signedIn(SessionTokens, Author, check: TwoFactorService.Check, recoveryCodesLeft: Int)
        /// `alreadyUsed` when the code was right but spent (each works once).
        case wrongCode(Author, alreadyUsed: Bool)
        case throttled(retryAfterMinutes: Int, Author)
        /// The challenge is unknown, used or older than ten minutes: start again with the password.
        case expired
    }

    /// The person behind a pending second step, or nil when it has expired.
    public func pendingSecondStep(challenge: String) async throws -> Author? {
        guard
            let link = try await accounts.peekLink(
                digest: SecretToken.digest(challenge), purpose: .secondStep, now: clock.now()),
            let userID = link.userID
        else { return nil }
        return try await authors.find(id: userID)
    }

    /// Checks the code typed after a right password, throttled like passwords (per account and client, and per
    /// client); a right code ends the challenge and starts the session.
    public func completeSecondStep(
        challenge: String, code: String, ip: String, userAgent: String
    ) async throws -> SecondStepResult {
        let now = clock.now()
        guard let author = try await pendingSecondStep(challenge: challenge),
            let account = try await accounts.credentials(email: author.email), account.active
        else { return .expired }
        if let minutes = try await throttledMinutes(email: author.email, ip: ip, now: now) {
            return .throttled(retryAfterMinutes: minutes, author)
        }
        let check = try await twoFactor.check(code, userID: author.id)
        guard check == .appCode || check == .recoveryCode else {
            try await accounts.recordFailure(email: author.email, ip: ip, now: now)
            return .wrongCode(author, alreadyUsed: check == .alreadyUsed)
        }
        let consumed = try await accounts.consumeLink(
            digest: SecretToken.digest(challenge), purpose: .secondStep, now: now
        ) { _, _ in true }
        guard consumed == true else { return .expired }
        try await accounts.clearFailures(email: author.email, ip: ip)
        let tokens = try await startSession(userID: author.id, ip: ip, userAgent: userAgent)
        let left = try await twoFactor.state(userID: author.id)?.recoveryCodesLeft ?? 0
        return .signedIn(tokens, author, check: check, recoveryCodesLeft: left)
    }

    /// Signs in the person a setup or reset just concerned, without asking for the password again.
    public func startSession(userID: Int64, ip: String, userAgent: String) async throws -> SessionTokens {
        let tokens = SessionTokens(session: SecretToken.make(), csrf: SecretToken.make())
        try await accounts.createSession(
            digest: SecretToken.digest(tokens.session), userID: userID, csrfToken: tokens.csrf, ip: ip,
            userAgent: userAgent, now: clock.now())
        return tokens
    }

    /// The signed-in person behind a session cookie, or nil when it is unknown, expired or deactivated.
    public func currentUser(sessionToken: String) async throws -> SignedInUser? {
        let digest = SecretToken.digest(sessionToken)
        guard let session = try await accounts.session(digest: digest) else { return nil }
        let now = clock.now()
        if now.timeIntervalSince(session.lastSeenAt) > Self.idleTimeout
            || now.timeIntervalSince(session.createdAt) > Self.absoluteTimeout
        {
            try await accounts.deleteSession(digest: digest)
            return nil
        }
        guard let author = try await authors.find(id: session.userID),
            let account = try await accounts.credentials(email: author.email), account.active
        else { return nil }
        // Recording activity at most once a minute keeps reads from turning into writes.
        if now.timeIntervalSince(session.lastSeenAt) > 60 { try await accounts.touchSession(digest: digest, now: now) }
        return SignedInUser(
            author: author, csrfToken: session.csrfToken,
            usesTwoFactor: account.twoFactorOn)
    }

    /// Minutes until this client may try a password for this account again; nil when it may now.
    private func throttledMinutes(email: String, ip: String, now: Date) async throws -> Int? {
        let recent = try await accounts.failures(
            email: email, ip: ip, since: now.addingTimeInterval(-Self.failureWindow))
        for (failures, limit) in [(recent.forAccountHere, Self.failuresPerAccount), (recent.forIP, Self.failuresPerIP)]
        where failures.count >= limit {
            let unlock = failures[failures.count - limit].addingTimeInterval(Self.failureWindow)
            return max(1, Int((unlock.timeIntervalSince(now) / 60).rounded(.up)))
        }
        return nil
    }

    /// Changes a signed-in person's password after checking their current one; every session ends (the caller
    /// starts a new one). Throws `ValidationErrors` on `current_password` or `new_password`. Wrong current
    /// passwords count as failed sign-ins, so a borrowed session cannot be used to guess the password.
    public func changePassword(for author: Author, current: String, new: String, ip: String) async throws {
        var errors = ValidationErrors()
        do {
            try await confirmPassword(current, for: author, ip: ip, field: "current_password")
        } catch let problems as ValidationErrors {
            errors = problems
        }
        if let problem = PasswordRules.problem(with: new) { errors.add("new_password", problem) }
        try errors.throwIfAny()
        try await accounts.replacePassword(userID: author.id, hash: Bcrypt.hash(new, cost: bcryptCost))
    }

    /// Checks a signed-in person's password again before a sensitive change; throws the problem under `field`.
    /// Wrong passwords count as failed sign-ins, so a borrowed session cannot be used to guess the password.
    public func confirmPassword(_ typed: String, for author: Author, ip: String, field: String) async throws {
        let now = clock.now()
        guard let account = try await accounts.credentials(email: author.email) else {
            throw ValidationErrors([ValidationIssue(field: field, message: "Your account was not found.")])
        }
        if let minutes = try await throttledMinutes(email: author.email, ip: ip, now: now) {
            let plural = minutes == 1 ? "" : "s"
            throw ValidationErrors([
                ValidationIssue(
                    field: field,
                    message: "Too many wrong passwords from here: try again in \(minutes) minute\(plural).")
            ])
        }
        if account.passwordHash.isEmpty || !Bcrypt.verify(typed, hash: account.passwordHash) {
            try await accounts.recordFailure(email: author.email, ip: ip, now: now)
            throw ValidationErrors([ValidationIssue(field: field, message: "That is not your current password.")])
        }
    }

    /// Removes expired sessions, old sign-in failures and spent links; `gazette serve` calls it regularly.
    @discardableResult
    public func purgeExpired() async throws -> Int {
        let now = clock.now()
        return try await accounts.purge(
            sessionsIdleSince: now.addingTimeInterval(-Self.idleTimeout),
            sessionsCreatedBefore: now.addingTimeInterval(-Self.absoluteTimeout),
            failuresBefore: now.addingTimeInterval(-Self.failureWindow), now: now)
    }

    public func signOut(sessionToken: String) async throws {
        try await accounts.deleteSession(digest: SecretToken.digest(sessionToken))
    }

    public func signOutEverywhere(userID: Int64) async throws {
        try await accounts.deleteSessions(userID: userID)
    }

    // MARK: Passwords

    /// A one-time path to choose a new password, for `gazette user reset-password`.
    public func resetLink(email: String) async throws -> String? {
        guard let author = try await authors.find(email: email.lowercased()) else { return nil }
        let token = SecretToken.make()
        try await accounts.createLink(
            digest: SecretToken.digest(token), purpose: .reset, userID: author.id, role: nil, now: clock.now(),
            lifetime: Self.resetLinkLifetime)
        return AdminURL.reset(token: token).path
    }

    /// A one-time path for an invited person to choose their password; valid for a week. `mail`, given the
    /// path and the link's digest, makes the email that carries it, queued in the same transaction.
    public func inviteLink(
        userID: Int64, mail: (@Sendable (_ path: String, _ digest: String) -> OutboxStore.NewMail?)? = nil
    ) async throws -> String {
        let token = SecretToken.make()
        let digest = SecretToken.digest(token)
        let path = AdminURL.invite(token: token).path
        try await accounts.createLink(
            digest: digest, purpose: .invite, userID: userID, role: nil, now: clock.now(),
            lifetime: Self.inviteLinkLifetime, mail: mail?(path, digest))
        return path
    }

    public func isUsable(resetToken token: String) async throws -> Bool {
        try await accounts.peekLink(digest: SecretToken.digest(token), purpose: .reset, now: clock.now()) != nil
    }

    public func isUsable(inviteToken token: String) async throws -> Bool {
        try await accounts.peekLink(digest: SecretToken.digest(token), purpose: .invite, now: clock.now()) != nil
    }

    /// Sets the first password of an invited person with their link.
    public func acceptInvite(token: String, password: String) async throws -> ResetResult {
        try await choosePassword(token: token, purpose: .invite, password: password)
    }

    /// Sets a new password with a reset link and signs the person out everywhere else.
    public func resetPassword(token: String, password: String) async throws -> ResetResult {
        try await choosePassword(token: token, purpose: .reset, password: password)
    }

    private func choosePassword(
        token: String, purpose: AccountStore.LinkPurpose, password: String
    ) async throws -> ResetResult {
        if let problem = PasswordRules.problem(with: password) {
            return .invalid(ValidationErrors([ValidationIssue(field: "password", message: problem)]))
        }
        let hash = Bcrypt.hash(password, cost: bcryptCost)
        let userID = try await accounts.consumeLink(
            digest: SecretToken.digest(token), purpose: purpose, now: clock.now()
        ) { link, db in
            guard let userID = link.userID else { throw StorageError.notFound("The link names no account.") }
            try await AccountStore.replacePassword(userID: userID, hash: hash, in: db)
            return userID
        }
        guard let userID else { return .linkUnusable }
        return .changed(userID: userID)
    }

    public enum ResetResult: Sendable {
        case changed(userID: Int64)
        case invalid(ValidationErrors)
        case linkUnusable
    }
}

/// The person a request belongs to, with the token their forms must carry.
public struct SignedInUser: Sendable {
    public var author: Author
    public var csrfToken: String
    /// Whether the person signs in with a code as well as a password.
    public var usesTwoFactor: Bool

    public func can(_ right: Right) -> Bool { author.role.can(right) }
}

/// A bcrypt hash of a random password, made on first use (commands that never sign anyone in skip the cost).
package final class LazyHash: Sendable {
    private let cost: UInt8
    private let hash = Mutex<String?>(nil)

    package init(cost: UInt8) {
        self.cost = cost
    }

    package var value: String {
        hash.withLock { stored in
            if let stored { return stored }
            let made = Bcrypt.hash(SecretToken.make(), cost: cost)
            stored = made
            return made
        }
    }
}
