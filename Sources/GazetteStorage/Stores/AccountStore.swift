import Foundation
import GazetteContent
import SQLKit

/// Passwords, sessions, sign-in failures and one-time links. Secrets arrive here already hashed.
public struct AccountStore: Sendable {
    private let database: Database

    public init(database: Database) {
        self.database = database
    }

    // MARK: Passwords

    /// The author with this email, their password hash, whether they may sign in and whether they use two-step
    /// sign-in.
    public func credentials(
        email: String
    ) async throws -> (author: Author, passwordHash: String, active: Bool, twoFactorOn: Bool)? {
        try await database.read { db in
            guard let row = try await db.raw("SELECT * FROM authors WHERE email = \(bind: email.lowercased())").first()
            else { return nil }
            return (
                try AuthorStore.author(row), try row.string("password_hash"), try row.int64("active") == 1,
                try row.optionalInt64("totp_enabled_at") != nil
            )
        }
    }

    /// The author with this id and whether they may act (sign in, or use their API tokens).
    public func credentials(id: Int64) async throws -> (author: Author, active: Bool)? {
        try await database.read { db in
            guard let row = try await db.raw("SELECT * FROM authors WHERE id = \(bind: id)").first() else { return nil }
            return (try AuthorStore.author(row), try row.int64("active") == 1)
        }
    }

    /// A new password, ending every session of that person.
    public func replacePassword(userID: Int64, hash: String) async throws {
        try await database.write { db in try await Self.replacePassword(userID: userID, hash: hash, in: db) }
    }

    public func setPasswordHash(_ hash: String, userID: Int64) async throws {
        try await database.write { db in
            try await db.raw("UPDATE authors SET password_hash = \(bind: hash) WHERE id = \(bind: userID)").run()
        }
    }

    /// True once an admin can sign in: the site no longer needs a setup link.
    public func hasUserWithPassword() async throws -> Bool {
        try await database.read { db in
            try await db.raw(
                "SELECT id FROM authors WHERE password_hash <> '' AND active = 1 AND role = 'admin' LIMIT 1"
            ).first() != nil
        }
    }

    /// The same question inside an open transaction, for the setup link.
    public static func hasAdmin(in db: any SQLDatabase) async throws -> Bool {
        try await db.raw(
            "SELECT id FROM authors WHERE password_hash <> '' AND active = 1 AND role = 'admin' LIMIT 1"
        ).first() != nil
    }

    // MARK: Sessions

    public struct SessionRecord: Sendable {
        public var userID: Int64
        public var csrfToken: String
        public var createdAt: Date
        public var lastSeenAt: Date
    }

    public func createSession(
        digest: String, userID: Int64, csrfToken: String, ip: String, userAgent: String, now: Date
    ) async throws {
        try await database.write { db in
            try await db.raw(
                """
                INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at, ip, user_agent)
                VALUES (\(bind: digest), \(bind: userID), \(bind: csrfToken), \(bind: now.storedSeconds),
                    \(bind: now.storedSeconds), \(bind: ip), \(bind: String(userAgent.prefix(300))))
                """
            ).run()
        }
    }

    public func session(digest: String) async throws -> SessionRecord? {
        try await database.read { db in
            try await db.raw("SELECT * FROM sessions WHERE id = \(bind: digest)").first().map {
                SessionRecord(
                    userID: try $0.int64("user_id"), csrfToken: try $0.string("csrf_token"),
                    createdAt: try $0.date("created_at"), lastSeenAt: try $0.date("last_seen_at"))
            }
        }
    }

    public func touchSession(digest: String, now: Date) async throws {
        try await database.write { db in
            try await db.raw(
                "UPDATE sessions SET last_seen_at = \(bind: now.storedSeconds) WHERE id = \(bind: digest)"
            ).run()
        }
    }

    public func deleteSession(digest: String) async throws {
        try await database.write { db in
            try await db.raw("DELETE FROM sessions WHERE id = \(bind: digest)").run()
        }
    }

    /// Signs the person out on every device.
    public func deleteSessions(userID: Int64) async throws {
        try await database.write { db in
            try await db.raw("DELETE FROM sessions WHERE user_id = \(bind: userID)").run()
        }
    }

    // MARK: Sign-in failures

    public func recordFailure(email: String, ip: String, now: Date) async throws {
        try await database.write { db in
            try await db.raw(
                """
                INSERT INTO login_failures (email, ip, failed_at)
                VALUES (\(bind: email.lowercased()), \(bind: ip), \(bind: now.storedSeconds))
                """
            ).run()
        }
    }

    /// Failures since `since` for this email from this IP, and for this IP whatever the email, oldest first.
    public func failures(
        email: String, ip: String, since: Date
    ) async throws -> (
        forAccountHere: [Date], forIP: [Date]
    ) {
        try await database.read { db in
            let byEmail = try await db.raw(
                """
                SELECT failed_at FROM login_failures
                WHERE email = \(bind: email.lowercased()) AND ip = \(bind: ip)
                    AND failed_at >= \(bind: since.storedSeconds)
                ORDER BY failed_at
                """
            ).all().map { try $0.date("failed_at") }
            let byIP = try await db.raw(
                """
                SELECT failed_at FROM login_failures
                WHERE ip = \(bind: ip) AND failed_at >= \(bind: since.storedSeconds) ORDER BY failed_at
                """
            ).all().map { try $0.date("failed_at") }
            return (byEmail, byIP)
        }
    }

    /// Forgets this email's failures from this IP; others' failures on the same account stay counted.
    public func clearFailures(email: String, ip: String) async throws {
        try await database.write { db in
            try await db.raw(
                "DELETE FROM login_failures WHERE email = \(bind: email.lowercased()) AND ip = \(bind: ip)"
            ).run()
        }
    }

    // MARK: One-time links

    // MARK: Staff

    /// A newsroom member as the people page lists them.
    public struct StaffMember: Sendable {
        public var author: Author
        public var active: Bool
        /// False until an invited person has chosen a password.
        public var hasPassword: Bool
        public var articleCount: Int
    }

    public func staff() async throws -> [StaffMember] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT u.*, (SELECT COUNT(*) FROM articles a WHERE a.author_id = u.id) AS article_count
                FROM authors u ORDER BY u.active DESC, u.name, u.id
                """
            ).all().map { row in
                StaffMember(
                    author: try AuthorStore.author(row), active: try row.int64("active") != 0,
                    hasPassword: !(try row.string("password_hash")).isEmpty,
                    articleCount: Int(try row.int64("article_count")))
            }
        }
    }

    public func member(id: Int64) async throws -> StaffMember? {
        try await staff().first { $0.author.id == id }
    }

    /// A person's profile, role and access, changed together or not at all. Refuses (with `LastAdmin`) to
    /// leave the site without an active admin, and (with `StorageError.conflict`) a taken email or slug.
    /// Deactivating signs the person out everywhere and ends their links; their articles stay.
    public func updateMember(id: Int64, profile: AuthorProfile?, role: Role, active: Bool) async throws {
        let dialect = database.dialect
        try await database.write { db in
            if role != .admin || !active {
                try await Self.keepAnAdmin(besides: id, lockRows: dialect.lockRows, in: db)
            }
            if let profile { try await AuthorStore.writeProfile(id: id, profile, dialect: dialect, in: db) }
            try await db.raw(
                """
                UPDATE authors SET role = \(bind: role.rawValue), active = \(bind: active ? 1 : 0)
                WHERE id = \(bind: id)
                """
            ).run()
            if !active {
                try await db.raw("DELETE FROM sessions WHERE user_id = \(bind: id)").run()
                try await Self.endLinks(userID: id, now: Date(), in: db)
            }
        }
    }

    /// The site would have no admin who can sign in.
    public struct LastAdmin: Error, Sendable, CustomStringConvertible {
        public var description: String {
            "This is the only admin who can sign in; make someone else an admin first."
        }
    }

    /// Admins' rows are locked while counted, so two admins demoting each other cannot both succeed.
    private static func keepAnAdmin(besides userID: Int64, lockRows: String, in db: any SQLDatabase) async throws {
        let admins = try await db.raw(
            "SELECT id FROM authors WHERE role = 'admin' AND active = 1 AND password_hash <> ''"
                + SQLQueryString(lockRows)
        ).all().map { try $0.int64("id") }
        if admins.contains(userID) && admins.count == 1 { throw LastAdmin() }
    }

    public enum LinkPurpose: String, Sendable {
        case setup, invite, reset
        /// A sign-in whose password was right, waiting for the person's two-step code.
        case secondStep = "second-step"
    }

    public struct Link: Sendable {
        public var purpose: LinkPurpose
        public var userID: Int64?
        public var role: Role?
    }

    /// Stores a one-time link; `mail`, when given, is queued in the same transaction (the email carrying
    /// the link exists exactly when the link does).
    public func createLink(
        digest: String, purpose: LinkPurpose, userID: Int64?, role: Role?, now: Date, lifetime: TimeInterval,
        mail: OutboxStore.NewMail? = nil
    ) async throws {
        try await database.write { db in
            try await db.raw(
                """
                INSERT INTO one_time_links (id, purpose, user_id, role, created_at, expires_at)
                VALUES (\(bind: digest), \(bind: purpose.rawValue), \(bind: userID), \(bind: role?.rawValue ?? ""),
                    \(bind: now.storedSeconds), \(bind: now.addingTimeInterval(lifetime).storedSeconds))
                """
            ).run()
            if let mail { try await OutboxStore.enqueue(mail, now: now, in: db) }
        }
    }

    /// The link if it exists, is unused and has not expired; it stays unused.
    public func peekLink(digest: String, purpose: LinkPurpose, now: Date) async throws -> Link? {
        try await database.read { db in
            try await db.raw(
                """
                SELECT purpose, user_id, role FROM one_time_links
                WHERE id = \(bind: digest) AND purpose = \(bind: purpose.rawValue) AND used_at IS NULL
                    AND expires_at > \(bind: now.storedSeconds)
                """
            ).first().map(Self.link)
        }
    }

    /// Marks the link used and runs `work` in the same transaction; a link works exactly once even when two
    /// requests race, and nothing of `work` stays when it fails. Every other unused link of the same kind of
    /// access ends with it: the person's other invitations and resets, or every other setup link.
    public func consumeLink<T: Sendable>(
        digest: String, purpose: LinkPurpose, now: Date,
        _ work: @escaping @Sendable (Link, any SQLDatabase) async throws -> T
    ) async throws -> T? {
        try await database.write { db in
            guard
                let row = try await db.raw(
                    """
                    UPDATE one_time_links SET used_at = \(bind: now.storedSeconds)
                    WHERE id = \(bind: digest) AND purpose = \(bind: purpose.rawValue) AND used_at IS NULL
                        AND expires_at > \(bind: now.storedSeconds)
                    RETURNING purpose, user_id, role
                    """
                ).first()
            else { return nil }
            let link = try Self.link(row)
            let result = try await work(link, db)
            if link.purpose == .setup {
                try await db.raw(
                    "UPDATE one_time_links SET used_at = \(bind: now.storedSeconds) WHERE purpose = 'setup' AND used_at IS NULL"
                ).run()
            } else if let userID = link.userID, link.purpose != .secondStep {
                try await Self.endLinks(userID: userID, now: now, in: db)
            }
            return result
        }
    }

    static func endLinks(userID: Int64, now: Date, in db: any SQLDatabase) async throws {
        try await db.raw(
            """
            UPDATE one_time_links SET used_at = \(bind: now.storedSeconds)
            WHERE user_id = \(bind: userID) AND used_at IS NULL
            """
        ).run()
    }

    /// Forgets what no longer matters: sessions past their limits, old sign-in failures, used and expired
    /// links. Returns how many rows went.
    @discardableResult
    public func purge(
        sessionsIdleSince idle: Date, sessionsCreatedBefore created: Date, failuresBefore failures: Date, now: Date
    ) async throws -> Int {
        try await database.write { db in
            var removed = 0
            for statement: SQLQueryString in [
                """
                DELETE FROM sessions
                WHERE last_seen_at < \(bind: idle.storedSeconds) OR created_at < \(bind: created.storedSeconds)
                RETURNING id
                """,
                "DELETE FROM login_failures WHERE failed_at < \(bind: failures.storedSeconds) RETURNING id",
                """
                DELETE FROM one_time_links
                WHERE expires_at < \(bind: now.storedSeconds) OR used_at < \(bind: failures.storedSeconds) RETURNING id
                """,
            ] {
                removed += try await db.raw(statement).all().count
            }
            return removed
        }
    }

    static func link(_ row: any SQLRow) throws -> Link {
        Link(
            purpose: LinkPurpose(rawValue: try row.string("purpose")) ?? .reset,
            userID: try row.optionalInt64("user_id"), role: Role(rawValue: try row.string("role")))
    }

    /// Sets a new password and ends every session of that person, inside an open transaction.
    public static func replacePassword(userID: Int64, hash: String, in db: any SQLDatabase) async throws {
        try await db.raw("UPDATE authors SET password_hash = \(bind: hash) WHERE id = \(bind: userID)").run()
        try await db.raw("DELETE FROM sessions WHERE user_id = \(bind: userID)").run()
    }

    /// Creates an author with a password inside an open transaction (the setup and invite links use it).
    public static func insertUser(
        _ author: NewAuthor, passwordHash: String, now: Date, in db: any SQLDatabase
    )
        async throws -> Int64
    {
        if try await db.raw("SELECT id FROM authors WHERE email = \(bind: author.email)").first() != nil {
            throw StorageError.conflict("An account with the email \(author.email) already exists.")
        }
        let base = Slug(trusted: author.slug ?? "user")
        var slug = base
        var number = 1
        while try await db.raw("SELECT id FROM authors WHERE slug = \(bind: slug.value)").first() != nil {
            number += 1
            slug = base.numbered(number)
        }
        guard
            let row = try await db.raw(
                """
                INSERT INTO authors (name, slug, email, bio, role, created_at, password_hash)
                VALUES (\(bind: author.name), \(bind: slug.value), \(bind: author.email), \(bind: author.bio),
                    \(bind: author.role.rawValue), \(bind: now.storedSeconds), \(bind: passwordHash))
                RETURNING id
                """
            ).first()
        else { throw StorageError.unavailable("The new account got no id.") }
        return try row.int64("id")
    }
}
