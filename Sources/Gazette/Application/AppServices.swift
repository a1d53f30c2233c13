import Foundation
import GazetteContent
import GazetteServices
import GazetteStorage
import Logging

/// The services over one open database, shared by the web server and every command.
public struct AppServices: Sendable {
    public let configuration: GazetteConfiguration
    public let database: Database
    public let clock: Clock
    public let authors: AuthorStore
    public let articles: ArticleStore
    /// Old addresses of articles, answered with a 301.
    public let redirects: RedirectStore
    public let revisions: RevisionStore
    public let search: SearchStore
    public let media: MediaLibrary
    public let terms: TermStore
    public let settings: SettingsStore
    /// The site's identity (title, language, time zone…), as the newsroom last set it.
    public let site: SiteSettingsService
    public let publishing: PublishingService
    /// Signed links to an article not out yet, for people without an account.
    public let previewLinks: PreviewLinks
    /// What the editor keeps while someone writes, apart from the article until they save.
    public let autosaves: Autosaves
    public let reader: ReaderService
    /// What the Content API reads.
    public let catalog: ContentCatalog
    /// The Admin API's tokens.
    public let apiTokens: APITokens
    /// The editor's rules for article changes made from elsewhere (the Admin API).
    public let articleDesk: ArticleDesk
    public let comments: CommentService
    /// Readers' email subscriptions: discussions followed, newsletters.
    public let subscriptions: SubscriptionService
    /// The subscribers as the newsroom manages them.
    public let subscribers: SubscriberRoster
    /// Articles sent to their subscribers, and digests.
    package let newsletters: NewsletterService
    /// Each subscriber's copy of a newsletter, written as it is sent.
    package let newsletterComposer: NewsletterComposer
    /// Read directly by the comment feeds, which need no rules.
    public let commentStore: CommentStore
    public let accounts: AccountService
    public let people: PeopleService
    /// Who signed in, published, changed roles or settings, from where and when.
    public let audit: AuditLog
    /// The dashboard's lists.
    public let desk: NewsroomDesk
    /// Every email, queued in the transaction of the event that causes it.
    public let outbox: OutboxStore
    /// Writes the site's emails.
    package let mailer: Mailer
    /// Webhook endpoints, their delivery logs and "send again".
    package let webhooks: WebhookService
    /// Which staff emails each person gets, and the daily moderation summary.
    public let staffNotices: StaffNoticeStore
    /// The daily email of comments waiting, for moderators who chose it.
    package let moderationSummary: ModerationSummary
    /// Where mail goes: an SMTP server, or `.eml` files in the data folder.
    package let mailTransport: any MailTransport
    package let passwordRecovery: PasswordRecovery
    /// Newsroom forms that arrived after their session ended, kept for their author to find again.
    public let keptForms: KeptForms
    /// Other outlets' feeds read on a schedule (`gazette feeds add`).
    public let feedSubscriptions: FeedSubscriptionStore
    /// `gazette import feed` and the scheduled reads of subscribed feeds.
    public let feedImport: FeedImport
    /// Announced after every change readers could see, for the page cache and other instances.
    public let changes: ContentChanges
    /// Shared with the other processes using the same SQLite file, so their changes reach this one's page
    /// cache; nil on PostgreSQL.
    public private(set) var sharedChanges: SharedChangeCounter? = nil
    /// Carries changes to the other instances on the same PostgreSQL database; nil on SQLite.
    public private(set) var messenger: ChangeMessenger? = nil
    /// The migrations this opening applied, oldest first.
    public private(set) var appliedMigrations: [Int] = []

    init(configuration: GazetteConfiguration, database: Database, clock: Clock, secret: String, bcryptCost: UInt8) {
        self.configuration = configuration
        self.database = database
        self.clock = clock
        let changes = ContentChanges()
        self.changes = changes
        authors = AuthorStore(database: database)
        let webhookQueue = WebhookQueue(
            triesFor: configuration.webhookRetries.triesFor,
            writer: WebhookPayload(urls: SiteURL(base: configuration.baseURL)).body)
        articles = ArticleStore(database: database, webhooks: webhookQueue)
        redirects = RedirectStore(database: database)
        revisions = RevisionStore(database: database)
        search = SearchStore(database: database)
        media = MediaLibrary(
            store: MediaStore(database: database),
            folder: DataDirectory(configuration.dataDirectory).mediaFolder, clock: clock,
            resizer: configuration.imageResizer)
        terms = TermStore(database: database)
        settings = SettingsStore(database: database)
        keptForms = KeptForms(store: KeptFormStore(database: database), clock: clock)
        site = SiteSettingsService(
            settings: settings,
            defaults: SiteIdentity(
                title: configuration.siteTitle, tagline: configuration.tagline, language: configuration.language,
                timeZone: configuration.timeZone, articlesPerPage: configuration.articlesPerPage), changes: changes)
        mailer = Mailer(
            from: configuration.mailFrom, site: site.live, urls: SiteURL(base: configuration.baseURL), clock: clock)
        let notifier = StaffNotifier(mailer: mailer)
        staffNotices = StaffNoticeStore(database: database)
        moderationSummary = ModerationSummary(store: staffNotices, notifier: notifier, clock: clock)
        publishing = PublishingService(
            articles: articles, clock: clock, site: site.live, changes: changes, media: media, notifier: notifier)
        reader = ReaderService(
            articles: articles, authors: authors, terms: terms, redirects: redirects,
            clock: clock, site: site.live, latestCount: Defaults.latestPostsCount)
        commentStore = CommentStore(database: database, webhooks: webhookQueue)
        catalog = ContentCatalog(
            articles: articles, authors: authors, terms: terms, comments: commentStore, search: search,
            redirects: redirects, clock: clock)
        let subscriberTokens = SubscriberToken(signer: Signer(secret: secret))
        let subscriberStore = SubscriberStore(database: database)
        subscribers = SubscriberRoster(store: subscriberStore, clock: clock)
        subscriptions = SubscriptionService(
            store: subscriberStore,
            notifier: ReaderNotifier(mailer: mailer, tokens: subscriberTokens), clock: clock)
        let newsletterStore = NewsletterStore(database: database)
        newsletters = NewsletterService(store: newsletterStore, articles: articles, mailer: mailer, clock: clock)
        newsletterComposer = NewsletterComposer(
            store: newsletterStore, subscribers: subscriberStore, mailer: mailer, tokens: subscriberTokens)
        comments = CommentService(
            comments: commentStore, articles: articles, settings: settings, clock: clock,
            signer: Signer(secret: secret), changes: changes, notifier: notifier, subscriptions: subscriptions)
        previewLinks = PreviewLinks(signer: Signer(secret: secret), clock: clock)
        autosaves = Autosaves(store: AutosaveStore(database: database), clock: clock)
        let accountStore = AccountStore(database: database)
        accounts = AccountService(
            accounts: accountStore, authors: authors,
            twoFactor: TwoFactorService(store: TwoFactorStore(database: database), clock: clock), clock: clock,
            bcryptCost: bcryptCost)
        audit = AuditLog(store: AuditStore(database: database), authors: authors, clock: clock)
        apiTokens = APITokens(
            store: APITokenStore(database: database), accounts: accountStore, audit: audit, clock: clock)
        articleDesk = ArticleDesk(publishing: publishing, articles: articles, audit: audit)
        desk = NewsroomDesk(articles: articles, comments: comments, audit: audit, clock: clock)
        outbox = OutboxStore(database: database)
        let live = site.live
        webhooks = WebhookService(
            store: WebhookStore(database: database), clock: clock,
            allowsPrivateAddresses: { live.current.webhooksToPrivateAddresses })
        if let smtp = configuration.smtp {
            mailTransport = SMTPTransport(
                settings: smtp, clientName: URL(string: configuration.baseURL)?.host ?? "localhost")
        } else {
            mailTransport = FileMailTransport(folder: DataDirectory(configuration.dataDirectory).outboxFolder)
        }
        passwordRecovery = PasswordRecovery(accounts: accountStore, outbox: outbox, mailer: mailer, clock: clock)
        feedSubscriptions = FeedSubscriptionStore(database: database)
        feedImport = FeedImport(
            imports: ImportStore(database: database), site: site.live, clock: clock, changes: changes)
        people = PeopleService(
            accounts: accountStore, authors: authors, accountService: accounts, clock: clock, changes: changes,
            media: media, mailer: mailer, notices: staffNotices)
    }

    /// Opens the database and brings its schema up to date. Call `close()` when done.
    public static func open(
        _ configuration: GazetteConfiguration, clock: Clock = .system, logger: Logger, migrate: Bool = true,
        bcryptCost: UInt8 = 12
    ) async throws -> AppServices {
        let database = try await Database.open(
            configuration.database, callDeadline: Double(configuration.databaseTimeout), logger: logger)
        do {
            guard migrate else {
                // Opened only to inspect (gazette check): the schema may be missing, and nothing gets signed.
                return AppServices(
                    configuration: configuration, database: database, clock: clock, secret: UUID().uuidString,
                    bcryptCost: bcryptCost)
            }
            let applied = try await Migrator(database: database, logger: logger).migrate()
            let secret = try await SiteSecret.load(from: SettingsStore(database: database))
            var services = AppServices(
                configuration: configuration, database: database, clock: clock, secret: secret, bcryptCost: bcryptCost)
            services.appliedMigrations = applied
            if case .sqlite(let path) = configuration.database {
                let counter = try SharedChangeCounter(path: DataDirectory.changeCounter(forDatabase: path))
                services.sharedChanges = counter
                services.changes.subscribe { _ in counter.bump() }
            }
            if database.carriesMessages {
                let messenger = ChangeMessenger(database: database)
                services.messenger = messenger
                services.changes.relay { change in await messenger.send(change, logger: logger) }
                services.changes.announce { change in messenger.message(change) }
            }
            try await services.site.refresh()
            return services
        } catch {
            await database.close()
            throw error
        }
    }

    public func close() async {
        await database.close()
    }
}

extension AppServices {
    /// Sends what the outbox holds.
    package func mailSender(logger: Logger) -> MailSender {
        var sender = MailSender(
            outbox: outbox, transport: mailTransport, clock: clock, logger: logger,
            perSecond: Double(configuration.mailRate))
        let subscriptions = self.subscriptions
        sender.onRejectedRecipient = { address, reason in
            do {
                try await subscriptions.bounced(email: address, reason: reason)
            } catch {
                logger.warning("Could not record that \(address) bounced: \(error)")
            }
        }
        sender.composer = newsletterComposer
        return sender
    }

    /// Delivers what the webhook queue holds.
    package func webhookSender(logger: Logger) -> WebhookSender {
        let live = site.live
        return WebhookSender(
            store: webhooks.store, clock: clock, logger: logger, retries: configuration.webhookRetries,
            allowsPrivateAddresses: { live.current.webhooksToPrivateAddresses })
    }

    /// Reads the subscribed feeds that are due, logging each result to `logger`.
    public func feedPoller(logger: Logger) -> FeedPoller {
        FeedPoller(subscriptions: feedSubscriptions, importer: feedImport, clock: clock, logger: logger)
    }
}

extension AppServices {
    /// The article a brand-new site starts with.
    public var welcomeArticle: WelcomeArticle {
        WelcomeArticle(articles: articles, authors: authors, settings: settings, publishing: publishing, clock: clock)
    }
}

extension AppServices {
    /// `gazette export --format json`.
    public var jsonExport: JSONExport {
        JSONExport(
            store: ExportStore(database: database), settings: settings, site: site.live,
            baseURL: configuration.baseURL, clock: clock)
    }

    /// `gazette export --format wxr`.
    public var wordPressExport: WordPressExport {
        WordPressExport(store: ExportStore(database: database), site: site.live, baseURL: configuration.baseURL)
    }
}

extension AppServices {
    /// `gazette import markdown`: untrusted HTML unless the operator vouches for the files.
    public func markdownImport(htmlTrust: HTMLTrust = .untrusted) -> MarkdownImport {
        MarkdownImport(
            articles: articles, authors: authors, publishing: publishing, site: site.live, clock: clock,
            htmlTrust: htmlTrust)
    }
}

extension AppServices {
    /// `gazette import wordpress`: untrusted HTML unless the operator vouches for the export.
    /// `linkBase`: the address the printed invitation links start with (see `linkBase()`).
    public func wordPressImport(htmlTrust: HTMLTrust = .untrusted, linkBase: String? = nil) -> WordPressImport {
        WordPressImport(
            imports: ImportStore(database: database), media: media, accounts: accounts, site: site.live,
            changes: changes, clock: clock, baseURL: linkBase ?? configuration.baseURL, htmlTrust: htmlTrust)
    }
}

extension AppServices {
    /// `gazette generate`: sample articles and comments.
    public var siteGenerator: SiteGenerator {
        SiteGenerator(authors: authors, publishing: publishing, comments: comments, clock: clock)
    }
}
