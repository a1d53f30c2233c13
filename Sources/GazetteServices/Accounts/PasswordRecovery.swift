import Foundation
import GazetteContent
import GazetteStorage

/// "Forgot your password?": a link to choose a new one, sent by email to the address asked for, if an
/// active account uses it. The answer is the same either way, so nobody learns who has an account; requests
/// are limited per client address and per account, and the link expires in an hour.
package struct PasswordRecovery: Sendable {
    private let accounts: AccountStore
    private let outbox: OutboxStore
    private let mailer: Mailer
    private let clock: Clock
    package static let linkLifetime: TimeInterval = 3_600
    /// Mails one account gets in an hour, whoever asks.
    package static let mailsPerAccount = 3
    /// Requests from one client address in `AccountService.failureWindow`.
    package static let requestsPerAddress = 5
    /// How requests are counted with the sign-in failures of the same client address.
    static let requestKey = "(password reset)"

    package init(accounts: AccountStore, outbox: OutboxStore, mailer: Mailer, clock: Clock) {
        self.accounts = accounts
        self.outbox = outbox
        self.mailer = mailer
        self.clock = clock
    }

    package enum Outcome: Sendable, Equatable {
        /// Asked for; a mail went out if the address belongs to an active account (never said which).
        case answered
        /// Too many requests from this client address just now.
        case throttled
    }

    package func request(email typed: String, ip: String) async throws -> Outcome {
        let now = clock.now()
        let since = now.addingTimeInterval(-AccountService.failureWindow)
        let recent = try await accounts.failures(email: Self.requestKey, ip: ip, since: since)
        guard recent.forAccountHere.count < Self.requestsPerAddress else { return .throttled }
        try await accounts.recordFailure(email: Self.requestKey, ip: ip, now: now)
        let email = typed.trimmingCharacters(in: .whitespaces).lowercased()
        guard let found = try await accounts.credentials(email: email), found.active,
            let recipient = MailAddress(found.author.email, name: found.author.name),
            try await outbox.queuedCount(recipient: recipient.address, eventPrefix: "reset:", since: now - 3_600)
                < Self.mailsPerAccount
        else { return .answered }
        let token = SecretToken.make()
        let digest = SecretToken.digest(token)
        let link = mailer.urls.absolute(path: AdminURL.reset(token: token).path)
        let title = mailer.site.current.title
        let message = mailer.message(
            to: recipient, subject: "Choose a new password for \(title)",
            paragraphs: [
                "Hello \(found.author.name),",
                "Someone (we hope you) asked to choose a new password for your account in the newsroom of \(title). "
                    + "The link below works once, for an hour. Using it signs you out everywhere else.",
                "If you did not ask, ignore this email: your password stays as it is.",
            ], link: ("Choose a new password", link))
        try await accounts.createLink(
            digest: digest, purpose: .reset, userID: found.author.id, role: nil, now: now,
            lifetime: Self.linkLifetime, mail: mailer.mail(message, event: "reset:" + digest))
        return .answered
    }
}
