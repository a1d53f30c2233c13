import ArgumentParser
import Gazette

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Bring the database schema up to date.")

    @OptionGroup var site: SiteOptions

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags) { services, _ in
            let applied = services.appliedMigrations
            if applied.isEmpty {
                print("The database is up to date (schema version \(SchemaStatus.latestVersion)).")
            } else {
                print("Applied \(applied.count) migration(s); schema version is now \(SchemaStatus.latestVersion).")
            }
        }
    }
}
