import ArgumentParser
import Foundation
import Gazette
import GazetteServices

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a backup made by gazette backup in place of the site's database and media.",
        discussion: """
            Stop the server first. The backup is checked before anything is touched. An existing site is \
            replaced only with --replace, and its files are kept beside the restored ones, renamed \
            ….replaced-<time>. Schema migrations run at the next start.
            """)

    @Argument(help: "The backup folder.")
    var source: String

    @Flag(help: "Replace an existing site, keeping its files aside.")
    var replace = false

    @OptionGroup var site: SiteOptions

    func run() async throws {
        let configuration = try CommandRunner.loadConfiguration(flags: site.flags)
        do {
            let restored = try await SiteBackup.restore(
                URL(fileURLWithPath: source), database: configuration.database,
                dataDirectory: DataDirectory(configuration.dataDirectory), replace: replace, now: Date(),
                logger: CommandRunner.logger())
            let manifest = restored.manifest
            print(
                "Restored \(manifest.articles) articles, \(manifest.comments) comments and \(manifest.mediaFiles) "
                    + "media files (backup of \(manifest.createdAt)) into \(restored.database).")
            for path in restored.keptAside { print("Kept the replaced \(path)") }
        } catch let failure as SiteBackup.Failure {
            throw CommandRunner.fail(failure.description)
        } catch {
            throw CommandRunner.fail("The restore failed: \(error)")
        }
    }
}
