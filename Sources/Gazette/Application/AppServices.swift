import Foundation
import GazetteStorage
import Logging

/// The services over one open database, shared by the web server and every command.
public struct AppServices: Sendable {
    public let configuration: GazetteConfiguration
    public let database: Database
    public let clock: Clock
    public let authors: AuthorStore
    public let articles: ArticleStore
    public let terms: TermStore
    public let settings: SettingsStore
    public let publishing: PublishingService
    public let reader: ReaderService

    init(configuration: GazetteConfiguration, database: Database, clock: Clock) {
        self.configuration = configuration
        self.database = database
        self.clock = clock
        authors = AuthorStore(database: database)
        articles = ArticleStore(database: database)
        terms = TermStore(database: database)
        settings = SettingsStore(database: database)
        publishing = PublishingService(articles: articles, clock: clock, timeZone: configuration.timeZone)
        reader = ReaderService(
            articles: articles, authors: authors, terms: terms, clock: clock, timeZone: configuration.timeZone,
            pageSize: configuration.articlesPerPage)
    }

    /// Opens the database and brings its schema up to date. Call `close()` when done.
    public static func open(
        _ configuration: GazetteConfiguration, clock: Clock = .system, logger: Logger, migrate: Bool = true
    ) async throws -> AppServices {
        let database = try await Database.open(configuration.database, logger: logger)
        do {
            if migrate { try await Migrator(database: database, logger: logger).migrate() }
            return AppServices(configuration: configuration, database: database, clock: clock)
        } catch {
            await database.close()
            throw error
        }
    }

    public func close() async {
        await database.close()
    }
}
