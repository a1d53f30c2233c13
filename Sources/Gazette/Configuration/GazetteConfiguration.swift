import Foundation
import GazetteServices
import GazetteStorage

/// Every setting Gazette starts with, validated. Built by `ConfigurationLoader`; defaults are in `Defaults`.
public struct GazetteConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var dataDirectory: String
    public var database: DatabaseLocation
    /// A folder whose templates and assets override the default theme's.
    public var themeDirectory: String?
    /// The public address of the site, used for canonical links (`https://news.example.com`).
    public var baseURL: String
    /// Whether the address was given (flag or environment) rather than made from the host and port.
    public var baseURLGiven: Bool
    public var siteTitle: String
    public var tagline: String
    public var language: String
    public var timeZone: TimeZone
    public var articlesPerPage: Int
    /// Writes the welcome article into an empty site on start.
    public var writesWelcomeArticle: Bool
    /// Proxies whose `X-Forwarded-For` header names the reader's address (IPs or ranges).
    public var trustedProxies: [String] = []
    /// Memory for the page cache of rendered public answers, in MB; 0 turns it off.
    public var pageCacheMB = Defaults.pageCacheMB
    /// Seconds a connection may take to send a request's headers, or stay open between requests.
    public var connectionTimeout = Defaults.connectionTimeout
    /// Connections served at once; more wait in the queue, so slow or idle clients cannot use up descriptors.
    public var maxConnections = Defaults.maxConnections
    /// Seconds any one PostgreSQL call may take before the page answers 503.
    public var databaseTimeout = Defaults.databaseTimeout
    /// A secret that lets a monitoring server read `/metrics` from elsewhere (as `Authorization: Bearer …`);
    /// without it, only requests made on this machine, not through a proxy, may read them.
    public var metricsToken: String? = nil
    /// What makes resized copies of uploads: `vipsthumbnail` from the `PATH`, or where
    /// `GAZETTE_VIPSTHUMBNAIL` says (`off`: serve originals only).
    public var imageResizer = ImageResizer.configured()
    /// The address the site's emails come from (`GAZETTE_MAIL_FROM`); by default `newsroom@` the site's host.
    package var mailFrom: MailAddress {
        get { mailFromGiven ?? MailAddress("newsroom@" + (URL(string: baseURL)?.host ?? "localhost"))! }
        set { mailFromGiven = newValue }
    }
    package var mailFromGiven: MailAddress? = nil
    /// The SMTP server mail goes through (`--smtp-url`, `GAZETTE_SMTP_URL`); nil writes `.eml` files instead.
    package var smtp: SMTPSettings? = nil
    /// Messages sent per second at most (`--mail-rate`, `GAZETTE_MAIL_RATE`), so a newsletter keeps within
    /// the provider's limits; 0 sends as fast as the server takes them.
    public var mailRate = Defaults.mailRate
    /// Admin API calls a token may make a minute on each instance (`--api-rate-limit`,
    /// `GAZETTE_API_RATE_LIMIT`).
    public var apiRateLimit = Defaults.apiRateLimit
    /// Waits between a failed webhook delivery's attempts (`GAZETTE_WEBHOOK_RETRIES`): 30 s, 2 min, 10 min,
    /// 30 min, then hourly, for a day.
    package var webhookRetries = WebhookRetries.standard
    /// How often `gazette serve` publishes what fell due, reads subscribed feeds and purges.
    public var background = BackgroundSchedule.standard

    public init(
        host: String = Defaults.host, port: Int = Defaults.port, dataDirectory: String = Defaults.dataDirectory,
        database: DatabaseLocation? = nil, themeDirectory: String? = nil, baseURL: String? = nil,
        siteTitle: String = Defaults.siteTitle, tagline: String = Defaults.tagline,
        language: String = Defaults.language,
        timeZone: TimeZone = TimeZone(identifier: Defaults.timeZone)!, articlesPerPage: Int = Defaults.articlesPerPage,
        writesWelcomeArticle: Bool = true
    ) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.database = database ?? Defaults.database(in: dataDirectory)
        self.themeDirectory = themeDirectory
        self.baseURL = baseURL ?? "http://\(host):\(port)"
        baseURLGiven = baseURL != nil
        self.siteTitle = siteTitle
        self.tagline = tagline
        self.language = language
        self.timeZone = timeZone
        self.articlesPerPage = articlesPerPage
        self.writesWelcomeArticle = writesWelcomeArticle
    }
}

/// All defaults in one place, as the README lists them.
public enum Defaults {
    public static let host = "127.0.0.1"
    public static let port = 8080
    public static let dataDirectory = "./gazette-data"
    public static let siteTitle = "Gazette"
    public static let tagline = "News, published with Gazette"
    public static let language = "en"
    public static let timeZone = "UTC"
    public static let articlesPerPage = 10
    public static let latestPostsCount = 5
    public static let pageCacheMB = 64
    public static let connectionTimeout = 30
    /// Below the common limit of 1,024 open files, leaving room for the database, media and logs.
    public static let maxConnections = 900
    public static let databaseTimeout = 30
    /// Emails per second: within most providers' default sending limits.
    public static let mailRate = 20
    /// Admin API calls per token a minute: ten a second, more than any newsroom tool needs.
    public static let apiRateLimit = 600

    public static func database(in dataDirectory: String) -> DatabaseLocation {
        .sqlite(path: DataDirectory(dataDirectory).databaseFile)
    }
}
