import Foundation
import GazetteContent
import GazetteServices
import Logging

/// What the commands ask of the site as a whole, so that they hold no store and no database themselves.
extension AppServices {
    /// Whether the database answers a trivial query now.
    public func databaseAnswers() async -> Bool {
        await database.ping()
    }

    /// How many articles (in every state) and bylines the site holds.
    public func counts() async throws -> (articles: Int, authors: Int) {
        (try await articles.count(), try await authors.count())
    }

    /// Rebuilds the search index from every article in one transaction; returns how many were indexed.
    public func reindexSearch() async throws -> Int {
        try await search.reindex()
    }

    /// A consistent copy of the database and the media in `folder` (see `SiteBackup`).
    public func writeBackup(to folder: URL) async throws -> SiteBackup.Manifest {
        try await SiteBackup.write(
            database, media: DataDirectory(configuration.dataDirectory), clock: clock, to: folder)
    }
}

extension AppServices {
    /// For `gazette serve`: marks the SQLite database as served for as long as the returned lock lives, so
    /// `gazette restore` refuses to replace it underneath; nil on PostgreSQL.
    package func holdServingLock() throws -> ServingLock? {
        guard case .sqlite(let path) = configuration.database else { return nil }
        return try ServingLock.hold(forDatabase: path)
    }
}

extension AppServices {
    /// Where `gazette serve` records the public address it serves, for commands run without `--base-url`.
    static let servedAddressSetting = "server.base_url"

    /// For `gazette serve`: remembers the public address it serves, so links printed by commands later
    /// (password resets, invitations after an import) point at the real site, not at 127.0.0.1.
    package func recordServedAddress() async throws {
        try await settings.set(Self.servedAddressSetting, to: configuration.baseURL)
    }

    /// The address links printed by a command start with: the one given to the command, else the one the
    /// server last recorded, else the one made from the host and port.
    public func linkBase() async -> String {
        if configuration.baseURLGiven { return configuration.baseURL }
        let served = try? await settings.value(Self.servedAddressSetting)
        return served.flatMap { $0.isEmpty ? nil : $0 } ?? configuration.baseURL
    }

    /// For `gazette mail test`: queues a test message to `address` and sends what is due now; returns where
    /// it went, in words (or throws why it was not sent).
    public func sendTestMail(to address: String, logger: Logger) async throws -> String {
        guard let recipient = MailAddress(address) else {
            throw ValidationErrors([ValidationIssue(field: "address", message: "“\(address)” is not an email address.")]
            )
        }
        let title = site.live.current.title
        let message = mailer.message(
            to: recipient, subject: "Test message from \(title)",
            paragraphs: [
                "This message checks that \(title) can send email.",
                "It was sent from \(mailer.from.address) through \(mailTransport.summary).",
            ])
        let event = "test:" + UUID().uuidString
        try await outbox.enqueue(mailer.mail(message, event: event), now: clock.now())
        try await mailSender(logger: logger).sendDue()
        let state = try await outbox.state(eventKey: event, recipient: recipient.address)
        guard state?.status == "sent" else {
            throw MailFailure("The test message was not sent: \(state?.lastError ?? "it was not queued").")
        }
        return mailTransport.summary
    }

    /// For `gazette newsletter send`: the article's headline once its newsletter is queued.
    public func sendNewsletter(articleID: Int64) async throws -> String {
        try await newsletters.send(articleID: articleID)
    }

    /// For `gazette newsletter list`: one line per recent newsletter, with its delivery so far.
    public func newsletterReport() async throws -> [String] {
        var lines: [String] = []
        for newsletter in try await newsletters.store.recent() {
            let delivery = try await newsletters.store.delivery(id: newsletter.id)
            let counts = delivery.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            let what = newsletter.subject.isEmpty ? "article \(newsletter.articleID ?? 0)" : "“\(newsletter.subject)”"
            lines.append(
                "#\(newsletter.id) \(newsletter.kind.rawValue) \(what) [\(newsletter.status)] "
                    + "\(newsletter.recipients) recipient(s)" + (counts.isEmpty ? "" : ": " + counts))
        }
        return lines.isEmpty ? ["No newsletters yet."] : lines
    }
}
