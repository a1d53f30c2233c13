import Foundation
import GazetteContent
import GazetteStorage

/// Admin API tokens: made for a person with scopes, shown once, kept as a digest, revoked at once on every
/// instance (each call looks the digest up; nothing is cached).
public struct APITokens: Sendable {
    private let store: APITokenStore
    private let accounts: AccountStore
    private let audit: AuditLog
    private let clock: Clock

    /// Every token starts so, which lets secret scanners recognise one in a leaked file.
    public static let prefix = "gzt_"
    public static let maximumNameLength = 100

    public init(store: APITokenStore, accounts: AccountStore, audit: AuditLog, clock: Clock) {
        self.store = store
        self.accounts = accounts
        self.audit = audit
        self.clock = clock
    }

    /// A new token and how it is listed; the token itself is never stored or shown again.
    public struct Issued: Sendable {
        public let token: String
        public let record: APIToken
    }

    /// Makes a token acting as `author`. Throws `ValidationErrors` for an empty or long name, or for a scope
    /// the person's role could not use.
    public func issue(
        name: String, scopes: [APIScope], for author: Author, by actor: Author?
    ) async throws
        -> Issued
    {
        var problems = ValidationErrors()
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { problems.add("name", "Name the token after what uses it, such as “Mobile app”.") }
        if name.count > Self.maximumNameLength {
            problems.add("name", "Keep the name under \(Self.maximumNameLength) characters.")
        }
        if scopes.isEmpty { problems.add("scopes", "Give the token at least one scope.") }
        for scope in scopes where !author.role.can(scope.right) {
            problems.add(
                "scopes", "\(author.name)’s role (\(author.role.rawValue)) cannot use the \(scope.rawValue) scope.")
        }
        guard problems.isEmpty else { throw problems }
        let token = Self.prefix + SecretToken.make()
        let now = clock.now()
        let id = try await store.create(
            name: name, authorID: author.id, digest: SecretToken.digest(token), hint: String(token.suffix(4)),
            scopes: scopes, now: now, createdBy: actor?.id)
        await audit.record(.tokenCreated, by: actor ?? author, target: "\(name) (\(author.name))")
        let record = APIToken(
            id: id, name: name, authorID: author.id, authorName: author.name, scopes: scopes,
            hint: String(token.suffix(4)), createdAt: now, lastUsedAt: nil, revokedAt: nil)
        return Issued(token: token, record: record)
    }

    /// The caller a bearer token stands for; nil when the token is unknown or revoked, or its person can no
    /// longer sign in.
    public func authenticate(_ token: String) async throws -> APICaller? {
        guard token.hasPrefix(Self.prefix), token.count < 200,
            let record = try await store.find(digest: SecretToken.digest(token)), record.revokedAt == nil
        else { return nil }
        guard let account = try await accounts.credentials(id: record.authorID), account.active else { return nil }
        let now = clock.now()
        // Recording use at most once a minute keeps reads from turning into writes.
        if record.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            try await store.touch(id: record.id, now: now)
        }
        return APICaller(token: record, author: account.author)
    }

    public func list(for author: Author? = nil) async throws -> [APIToken] {
        try await store.list(authorID: author?.id)
    }

    public func find(id: Int64) async throws -> APIToken? {
        try await store.find(id: id)
    }

    /// Revokes a token; false when it was already revoked or is unknown.
    @discardableResult
    public func revoke(id: Int64, by actor: Author?) async throws -> Bool {
        guard let token = try await store.find(id: id), try await store.revoke(id: id, now: clock.now()) else {
            return false
        }
        if let actor { await audit.record(.tokenRevoked, by: actor, target: "\(token.name) (\(token.authorName))") }
        return true
    }
}

/// Who an Admin API call acts as: the token, and its person as they are now.
public struct APICaller: Sendable {
    public let token: APIToken
    public let author: Author

    /// True when the token has the scope and its person's role still carries the right it needs.
    public func allows(_ scope: APIScope) -> Bool {
        token.scopes.contains(scope) && author.role.can(scope.right)
    }
}
