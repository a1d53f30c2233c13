import ArgumentParser
import Gazette

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check the configuration and the database's health.")

    @OptionGroup var site: SiteOptions

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags, migrate: false) { services, logger in
            print("Database: \(services.configuration.database)")
            guard await services.databaseAnswers() else { throw CommandRunner.fail("The database does not answer.") }
            let current = try await SchemaStatus.currentVersion(of: services, logger: logger)
            print("Schema version: \(current) of \(SchemaStatus.latestVersion)")
            if current < SchemaStatus.latestVersion {
                throw CommandRunner.fail("The database needs migrating: run gazette migrate.")
            }
            let counts = try await services.counts()
            print("Articles: \(counts.articles), authors: \(counts.authors)")
            print("All good.")
        }
    }
}
