import ArgumentParser
import Foundation
import Gazette
import GazetteServices

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the site's SQLite database and uploaded media into a new folder, while it keeps serving.",
        discussion: """
            The database copy is one consistent moment of the site (SQLite's VACUUM INTO), taken without \
            stopping the server. Restore it with gazette restore. For PostgreSQL, use pg_dump.
            """)

    @Argument(help: "A new or empty folder for the backup.")
    var destination: String

    @OptionGroup var site: SiteOptions

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags, migrate: false) { services, _ in
            let folder = URL(fileURLWithPath: destination)
            do {
                let manifest = try await services.writeBackup(to: folder)
                print(
                    "Backed up \(manifest.articles) articles, \(manifest.comments) comments and "
                        + "\(manifest.mediaFiles) media files to \(folder.path) (schema version \(manifest.schemaVersion))."
                )
            } catch let failure as SiteBackup.Failure {
                throw CommandRunner.fail(failure.description)
            } catch {
                throw CommandRunner.fail(
                    "The backup failed: \(error). \(folder.path) holds no backup.json, so it will not be taken for one."
                )
            }
        }
    }
}
