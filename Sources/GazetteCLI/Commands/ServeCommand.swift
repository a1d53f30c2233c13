import ArgumentParser
import Foundation
import Gazette
import GazetteServices
import Hummingbird

#if canImport(Glibc)
    import Glibc
#endif

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the site (migrating the database first).")

    @OptionGroup var site: SiteOptions

    @Option(help: "Address to listen on (GAZETTE_HOST). Default 127.0.0.1.")
    var host: String?

    @Option(help: "Port to listen on (GAZETTE_PORT). Default 8080.")
    var port: String?

    @Option(help: "A theme folder whose templates/ and assets/ override the default theme (GAZETTE_THEME).")
    var theme: String?

    @Option(name: .customLong("base-url"), help: "The site's public address, for canonical links (GAZETTE_BASE_URL).")
    var baseURL: String?

    @Option(help: "on or off: write a welcome article into a brand-new site (GAZETTE_WELCOME). Default on.")
    var welcome: String?

    @Option(name: .customLong("site-title"), help: "The site's name (GAZETTE_SITE_TITLE).")
    var siteTitle: String?

    @Option(help: "The line under the site's name (GAZETTE_TAGLINE).")
    var tagline: String?

    @Option(help: "The language of the site's pages, e.g. en or fr (GAZETTE_LANGUAGE).")
    var language: String?

    @Option(name: .customLong("time-zone"), help: "The newsroom's time zone, e.g. Europe/Paris (GAZETTE_TIME_ZONE).")
    var timeZone: String?

    @Option(name: .customLong("articles-per-page"), help: "Articles on each list page (GAZETTE_ARTICLES_PER_PAGE).")
    var articlesPerPage: String?

    @Option(
        name: .customLong("trusted-proxies"),
        help: "Proxies whose X-Forwarded-For names the reader's address (GAZETTE_TRUSTED_PROXIES).")
    var trustedProxies: String?

    @Option(
        name: .customLong("page-cache-mb"),
        help: "Memory for rendered public pages, in MB; 0 turns the page cache off (GAZETTE_PAGE_CACHE_MB).")
    var pageCacheMB: String?

    @Option(
        name: .customLong("connection-timeout"),
        help: "Seconds a client may take to send a request's headers or stay idle (GAZETTE_CONNECTION_TIMEOUT).")
    var connectionTimeout: String?

    @Option(
        name: .customLong("max-connections"),
        help: "Connections served at once; more wait to be accepted (GAZETTE_MAX_CONNECTIONS).")
    var maxConnections: String?

    @Option(
        name: .customLong("database-timeout"),
        help: "Seconds a PostgreSQL call may take before the page answers 503 (GAZETTE_DATABASE_TIMEOUT).")
    var databaseTimeout: String?

    @Option(
        name: .customLong("metrics-token"),
        help:
            "A secret that lets a monitoring server read /metrics from elsewhere, as a bearer token (GAZETTE_METRICS_TOKEN)."
    )
    var metricsToken: String?

    @Option(
        name: .customLong("mail-from"),
        help: "The address the site's emails come from, such as newsroom@example.com (GAZETTE_MAIL_FROM).")
    var mailFrom: String?

    @Option(
        name: .customLong("smtp-url"),
        help:
            "The SMTP server for the site's mail, smtp[s]://user:password@host:port (GAZETTE_SMTP_URL); without it, mail is written as .eml files under <data-dir>/outbox/."
    )
    var smtpURL: String?

    @Option(
        name: .customLong("mail-rate"),
        help:
            "Emails sent per second at most, to keep within the provider's limits; 0 for no limit (GAZETTE_MAIL_RATE, default 20)."
    )
    var mailRate: String?

    @Option(
        name: .customLong("api-rate-limit"),
        help: "Admin API calls each token may make a minute, on each instance (GAZETTE_API_RATE_LIMIT, default 600)."
    )
    var apiRateLimit: String?

    /// Page-cache entries come and go in every size; glibc would keep the freed space of evicted ones in its
    /// heaps, which grow past the cache's budget (measured 1.36× the budget above the cache-off process with
    /// scripts/bench-cache-memory). Buffers of 16 KB and more get their own mapping instead, returned to the
    /// system when freed (0.86–0.89× at 64 MB; see BENCHMARKS.md).
    static func returnFreedPagesToTheSystem() {
        #if canImport(Glibc)
            // malloc.h is not in Swift's Glibc module, so mallopt is looked up; M_MMAP_THRESHOLD is -3 there.
            typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
            _ = unsafeBitCast(symbol, to: MallOpt.self)(-3, 16 * 1_024)
        #endif
    }

    func run() async throws {
        var flags = site.flags
        flags[Setting.host.flag] = host
        flags[Setting.port.flag] = port
        flags[Setting.theme.flag] = theme
        flags[Setting.baseURL.flag] = baseURL
        flags[Setting.welcome.flag] = welcome
        flags[Setting.siteTitle.flag] = siteTitle
        flags[Setting.tagline.flag] = tagline
        flags[Setting.language.flag] = language
        flags[Setting.timeZone.flag] = timeZone
        flags[Setting.articlesPerPage.flag] = articlesPerPage
        flags[Setting.trustedProxies.flag] = trustedProxies
        flags[Setting.pageCacheMB.flag] = pageCacheMB
        flags[Setting.connectionTimeout.flag] = connectionTimeout
        flags[Setting.maxConnections.flag] = maxConnections
        flags[Setting.databaseTimeout.flag] = databaseTimeout
        flags[Setting.metricsToken.flag] = metricsToken
        flags[Setting.mailFrom.flag] = mailFrom
        flags[Setting.smtpURL.flag] = smtpURL
        flags[Setting.mailRate.flag] = mailRate
        flags[Setting.apiRateLimit.flag] = apiRateLimit
        try await CommandRunner.withServices(flags: flags) { services, logger in
            if services.configuration.writesWelcomeArticle {
                try await services.welcomeArticle.writeIfSiteIsNew()
            }
            let app: any ApplicationProtocol
            let servingLock: ServingLock?
            do {
                servingLock = try services.holdServingLock()
                Self.returnFreedPagesToTheSystem()
                app = try buildApplication(services: services, logger: logger)
            } catch {
                throw CommandRunner.fail("\(error)")
            }
            let configuration = services.configuration
            try await services.recordServedAddress()
            if let setup = try await services.accounts.setupLinkIfNeeded() {
                // Written straight to the file descriptor, so it reaches a log file or a pipe at once.
                FileHandle.standardOutput.write(
                    Data(
                        ("No one can sign in to the newsroom yet. Create the first admin account here "
                            + "(the link works once, for 24 hours):\n\n    \(configuration.baseURL)\(setup)\n\n").utf8))
            }
            logger.info(
                "Gazette is serving \(configuration.baseURL) from http://\(configuration.host):\(configuration.port) with \(configuration.database)"
            )
            var stopped: (any Error)?
            do {
                try await app.runService()
            } catch {
                stopped = error
            }
            // Held until the server has stopped: a restore may replace the files only then.
            withExtendedLifetime(servingLock) {}
            // The background work (scheduled publishing, feeds, purges) runs as services of the application and
            // has ended with it, so the database can close when this closure returns.
            if let stopped {
                throw CommandRunner.fail(
                    "The server stopped: \(stopped). Is port \(configuration.port) already in use? Choose another with --port."
                )
            }
        }
    }
}
