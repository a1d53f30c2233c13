import ArgumentParser
import Gazette

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check the configuration and the database's health.")

    @OptionGroup var site: SiteOptions

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags, migrate: false) { services, logger in
            print("Database: \(services.configuration.database)")
            guard await services.database.ping() else { throw CommandRunner.fail("The database does not answer.") }
            let current = try await SchemaStatus.currentVersion(of: services, logger: logger)
            print("Schema version: \(current) of \(SchemaStatus.latestVersion)")
            if current < SchemaStatus.latestVersion {
                throw CommandRunner.fail("The database needs migrating: run gazette migrate.")
            }
            print("Articles: \(try await services.articles.count()), authors: \(try await services.authors.count())")
            print("All good.")
        }
    }
}
