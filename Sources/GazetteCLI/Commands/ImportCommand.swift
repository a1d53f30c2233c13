import ArgumentParser
import Foundation
import Gazette

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Bring articles in from elsewhere.", subcommands: [ImportMarkdown.self])
}

struct ImportMarkdown: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markdown",
        abstract: "Import Markdown files with YAML front matter from a folder.",
        discussion: """
            Front-matter fields: title, date, author, tags, category, source, source_url, slug, dek, image \
            (a URL, or url/alt/caption/credit), image_alt, status, excerpt, canonical_url, comments. \
            Importing again updates articles with the same slug.
            """)

    @OptionGroup var site: SiteOptions

    @Argument(help: "The folder of .md files.")
    var folder: String

    @Option(help: "The byline for files without an author field (a name, slug or email).")
    var author: String?

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags) { services, _ in
            let showsProgress = isatty(STDERR_FILENO) == 1
            let report: MarkdownImport.Report
            do {
                report = try await MarkdownImport(services: services).run(folder: folder, defaultAuthor: author) {
                    done, total, file in
                    guard showsProgress else { return }
                    let line = done == total ? "" : "[\(done + 1)/\(total)] \(file)"
                    FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
                }
            } catch let error as ImportError {
                throw CommandRunner.fail(error.message)
            }
            for problem in report.problems {
                FileHandle.standardError.write(Data("error: \(problem)\n".utf8))
            }
            print(
                "Imported \(report.total) file(s): \(report.created.count) created, \(report.updated.count) updated, "
                    + "\(report.problems.count) failed.")
            if !report.problems.isEmpty { throw ExitCode(1) }
        }
    }
}
