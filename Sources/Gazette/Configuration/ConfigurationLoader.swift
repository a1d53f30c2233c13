import Foundation
import GazetteContent
import GazetteServices
import GazetteStorage

/// Builds the configuration from flags, then `GAZETTE_*` environment variables, then the optional settings
/// file (`--config` / `GAZETTE_CONFIG`), then defaults.
///
/// Each problem names the flag, the variable and an example, so the person starting Gazette can fix it.
public struct ConfigurationLoader: Sendable {
    /// Values given as command-line flags, keyed by setting name (`port`, `data-dir`…); nil when not given.
    public var flags: [String: String]
    public var environment: [String: String]

    public init(flags: [String: String], environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.flags = flags
        self.environment = environment
    }

    public func load() throws(ConfigurationError) -> GazetteConfiguration {
        var loader = self
        if let path = value(Setting.config) { loader.file = try ConfigurationFile.load(path: path) }
        return try loader.build()
    }

    /// Values from the settings file, the last place a setting is looked for before its default.
    private var file: [String: String] = [:]

    private func build() throws(ConfigurationError) -> GazetteConfiguration {
        let host = value(Setting.host) ?? Defaults.host
        let port = try integer(Setting.port, default: Defaults.port, range: 1...65535)
        let dataDirectory = value(Setting.dataDir) ?? Defaults.dataDirectory
        var database: DatabaseLocation? = nil
        if let url = value(Setting.database) {
            do {
                database = try DatabaseLocation(parsing: url)
            } catch {
                throw ConfigurationError(setting: Setting.database, problem: error.description)
            }
        }
        let themeDirectory = value(Setting.theme)
        if let themeDirectory {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: themeDirectory, isDirectory: &isFolder), isFolder.boolValue
            else {
                throw ConfigurationError(setting: Setting.theme, problem: "the folder \(themeDirectory) does not exist")
            }
        }
        var baseURL = value(Setting.baseURL)
        if let given = baseURL {
            guard let url = URL(string: given), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                throw ConfigurationError(setting: Setting.baseURL, problem: "“\(given)” is not an http(s) address")
            }
            baseURL = given.hasSuffix("/") ? String(given.dropLast()) : given
        }
        let zoneName = value(Setting.timeZone) ?? Defaults.timeZone
        guard let timeZone = TimeZone(identifier: zoneName) else {
            throw ConfigurationError(setting: Setting.timeZone, problem: "“\(zoneName)” is not a known time zone")
        }
        let proxies = (value(Setting.trustedProxies) ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        for proxy in proxies where IPAddress(String(proxy.split(separator: "/")[0])) == nil {
            throw ConfigurationError(
                setting: Setting.trustedProxies, problem: "“\(proxy)” is not an IP address or range")
        }
        var configuration = GazetteConfiguration(
            host: host, port: port, dataDirectory: dataDirectory, database: database, themeDirectory: themeDirectory,
            baseURL: baseURL, siteTitle: value(Setting.siteTitle) ?? Defaults.siteTitle,
            tagline: value(Setting.tagline) ?? Defaults.tagline, language: value(Setting.language) ?? Defaults.language,
            timeZone: timeZone,
            articlesPerPage: try integer(Setting.articlesPerPage, default: Defaults.articlesPerPage, range: 1...100),
            writesWelcomeArticle: try welcome())
        configuration.trustedProxies = proxies
        configuration.pageCacheMB = try integer(Setting.pageCacheMB, default: Defaults.pageCacheMB, range: 0...65_536)
        configuration.connectionTimeout = try integer(
            Setting.connectionTimeout, default: Defaults.connectionTimeout, range: 1...3_600)
        configuration.maxConnections = try integer(
            Setting.maxConnections, default: Defaults.maxConnections, range: 1...1_000_000)
        configuration.databaseTimeout = try integer(
            Setting.databaseTimeout, default: Defaults.databaseTimeout, range: 1...3_600)
        if let token = value(Setting.metricsToken) {
            guard token.count >= 16, token.allSatisfy({ $0.isASCII && !$0.isWhitespace && !$0.isNewline }) else {
                throw ConfigurationError(
                    setting: Setting.metricsToken,
                    problem: "the metrics token must be at least 16 characters without spaces")
            }
            configuration.metricsToken = token
        }
        if let from = value(Setting.mailFrom) {
            guard let address = MailAddress(from) else {
                throw ConfigurationError(
                    setting: Setting.mailFrom, problem: "“\(from)” is not an email address (like newsroom@example.com)")
            }
            configuration.mailFromGiven = address
        }
        configuration.mailRate = try integer(Setting.mailRate, default: Defaults.mailRate, range: 0...10_000)
        configuration.apiRateLimit = try integer(
            Setting.apiRateLimit, default: Defaults.apiRateLimit, range: 1...1_000_000)
        if let text = value(Setting.webhookRetries) {
            guard let retries = WebhookRetries.parse(text) else {
                throw ConfigurationError(
                    setting: Setting.webhookRetries,
                    problem: "“\(text)” is not a list of waits in seconds (each 1 to 86400), separated by commas")
            }
            configuration.webhookRetries = retries
        }
        if let smtp = value(Setting.smtpURL), !smtp.isEmpty {
            switch SMTPSettings.parse(smtp) {
            case .success(let settings): configuration.smtp = settings
            // The address may hold a password: the message never repeats it.
            case .failure(let problem):
                throw ConfigurationError(
                    setting: Setting.smtpURL, problem: "the SMTP address cannot be used: \(problem)")
            }
        }
        return configuration
    }

    private func welcome() throws(ConfigurationError) -> Bool {
        switch value(Setting.welcome)?.lowercased() {
        case nil, "on", "true", "yes", "1": return true
        case "off", "false", "no", "0": return false
        case let other?: throw ConfigurationError(setting: Setting.welcome, problem: "“\(other)” is neither on nor off")
        }
    }

    private func value(_ setting: Setting) -> String? {
        if let flag = flags[setting.flag], !flag.isEmpty { return flag }
        if let env = environment[setting.variable], !env.isEmpty { return env }
        if let fromFile = file[setting.flag], !fromFile.isEmpty { return fromFile }
        return nil
    }

    private func integer(
        _ setting: Setting, default fallback: Int, range: ClosedRange<Int>
    ) throws(ConfigurationError)
        -> Int
    {
        guard let text = value(setting) else { return fallback }
        guard let number = Int(text), range.contains(number) else {
            throw ConfigurationError(
                setting: setting,
                problem: "“\(text)” is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}

/// A named setting with its flag, its environment variable and an example value.
public struct Setting: Sendable {
    public let flag: String
    public let variable: String
    public let example: String

    public static let host = Setting(flag: "host", variable: "GAZETTE_HOST", example: "127.0.0.1")
    public static let port = Setting(flag: "port", variable: "GAZETTE_PORT", example: "8080")
    public static let dataDir = Setting(flag: "data-dir", variable: "GAZETTE_DATA_DIR", example: "./gazette-data")
    public static let database = Setting(
        flag: "database", variable: "GAZETTE_DATABASE_URL", example: "postgres://gazette@127.0.0.1:5432/gazette")
    public static let theme = Setting(flag: "theme", variable: "GAZETTE_THEME", example: "./my-theme")
    public static let baseURL = Setting(
        flag: "base-url", variable: "GAZETTE_BASE_URL", example: "https://news.example.com")
    public static let siteTitle = Setting(flag: "site-title", variable: "GAZETTE_SITE_TITLE", example: "The Daily")
    public static let tagline = Setting(flag: "tagline", variable: "GAZETTE_TAGLINE", example: "Local news")
    public static let language = Setting(flag: "language", variable: "GAZETTE_LANGUAGE", example: "en")
    public static let timeZone = Setting(flag: "time-zone", variable: "GAZETTE_TIME_ZONE", example: "Europe/Paris")
    public static let articlesPerPage = Setting(
        flag: "articles-per-page", variable: "GAZETTE_ARTICLES_PER_PAGE", example: "10")
    public static let welcome = Setting(flag: "welcome", variable: "GAZETTE_WELCOME", example: "off")
    public static let trustedProxies = Setting(
        flag: "trusted-proxies", variable: "GAZETTE_TRUSTED_PROXIES", example: "127.0.0.1,10.0.0.0/8")
    public static let config = Setting(flag: "config", variable: "GAZETTE_CONFIG", example: "./gazette.yml")
    public static let pageCacheMB = Setting(flag: "page-cache-mb", variable: "GAZETTE_PAGE_CACHE_MB", example: "64")
    public static let connectionTimeout = Setting(
        flag: "connection-timeout", variable: "GAZETTE_CONNECTION_TIMEOUT", example: "30")
    public static let maxConnections = Setting(
        flag: "max-connections", variable: "GAZETTE_MAX_CONNECTIONS", example: "900")
    public static let databaseTimeout = Setting(
        flag: "database-timeout", variable: "GAZETTE_DATABASE_TIMEOUT", example: "30")
    public static let metricsToken = Setting(
        flag: "metrics-token", variable: "GAZETTE_METRICS_TOKEN", example: "a-long-random-secret")

    public static let smtpURL = Setting(
        flag: "smtp-url", variable: "GAZETTE_SMTP_URL", example: "smtp://user:password@mail.example.com:587")
    public static let mailFrom = Setting(
        flag: "mail-from", variable: "GAZETTE_MAIL_FROM", example: "newsroom@example.com")
    public static let mailRate = Setting(flag: "mail-rate", variable: "GAZETTE_MAIL_RATE", example: "20")
    public static let apiRateLimit = Setting(
        flag: "api-rate-limit", variable: "GAZETTE_API_RATE_LIMIT", example: "600")
    /// Waits between a webhook delivery's attempts, the last repeating for a day (environment and file only).
    public static let webhookRetries = Setting(
        flag: "webhook-retries", variable: "GAZETTE_WEBHOOK_RETRIES", example: "30,120,600,1800,3600")

    public static let all: [Setting] = [
        host, port, dataDir, database, theme, baseURL, siteTitle, tagline, language, timeZone, articlesPerPage,
        welcome, trustedProxies, pageCacheMB, connectionTimeout, maxConnections, databaseTimeout, metricsToken,
        mailFrom, smtpURL, mailRate, apiRateLimit, webhookRetries, config,
    ]
}

/// A setting that cannot be used, with what to do about it.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public let setting: Setting
    public let problem: String

    public var description: String {
        "Configuration problem: \(problem). Set it with --\(setting.flag) or \(setting.variable), "
            + "for example --\(setting.flag) \(setting.example)."
    }
}
