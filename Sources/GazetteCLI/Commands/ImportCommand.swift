import ArgumentParser
import Foundation
import Gazette
import GazetteContent
import GazetteServices

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Bring articles in from elsewhere.",
        subcommands: [ImportWXR.self, ImportFeed.self, ImportMarkdown.self])
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

    @Flag(
        help: ArgumentHelp(
            "Trust the HTML in these files as an editor's: keep embedded players of known providers. Without it, "
                + "HTML keeps only plain article elements. Script is never kept."))
    var trustHTML = false

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags) { services, _ in
            let showsProgress = isatty(STDERR_FILENO) == 1
            let report: MarkdownImport.Report
            do {
                report = try await services.markdownImport(htmlTrust: trustHTML ? .trusted : .untrusted).run(
                    folder: folder, defaultAuthor: author
                ) {
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

struct ImportWXR: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wxr",
        abstract: "Import a WordPress export (Tools → Export → All content): posts, pages, people, comments.",
        discussion: """
            Posts become articles and pages pages, with their categories, tags, featured images, excerpts and \
            comments (threads and moderation states kept). Every old address (the permalink, /?p=ID) \
            answers with a redirect to the new one. People become authors without a password; a link to \
            choose one is printed for each. The whole file is checked before anything is written, and \
            running the same import again adds only what is missing.
            """)

    @OptionGroup var site: SiteOptions

    @Argument(help: "The WordPress export file (.xml).")
    var file: String

    @Option(help: "The site's public address, for the links printed for new authors.")
    var baseURL: String?

    @Option(
        help: ArgumentHelp(
            "A local copy of the site's wp-content/uploads folder, or an http(s) address that serves it: the "
                + "images posts use are copied into the media library.", valueName: "folder-or-url"))
    var fetchMedia: String?

    @Flag(
        help: ArgumentHelp(
            "Trust the HTML in these files as an editor's: keep embedded players of known providers. Without it, "
                + "HTML keeps only plain article elements. Script is never kept."))
    var trustHTML = false

    /// Items left out or changed are listed up to this many; the rest are counted.
    private static let listed = 50

    func run() async throws {
        var flags = site.flags
        flags[Setting.baseURL.flag] = baseURL
        try await CommandRunner.withServices(flags: flags) { services, _ in
            let bar = ProgressBar(enabled: isatty(STDERR_FILENO) == 1)
            let report: WordPressImportReport
            do {
                report = try await services.wordPressImport(
                    htmlTrust: trustHTML ? .trusted : .untrusted, linkBase: await services.linkBase()
                )
                .run(
                    file: file, media: fetchMedia
                ) { done, total in
                    bar.show(done: done, total: total, noun: "posts and pages")
                }
            } catch let error as ImportError {
                bar.clear()
                throw CommandRunner.fail(error.message)
            }
            bar.clear()
            report.summary.forEach { print($0) }
            Self.list("Left out", report.skipped)
            Self.list("Changed on the way", report.notes)
            if !report.newAuthors.isEmpty {
                print("New authors choose a password with their link (each works once, for a week):")
                for author in report.newAuthors { print("  \(author.name) <\(author.email)>: \(author.link)") }
            }
        }
    }

    /// Items listed one per line when they are few; grouped by reason, with a few examples, when many.
    private static func list(_ heading: String, _ items: [WordPressImportReport.Skip]) {
        guard !items.isEmpty else { return }
        print("\(heading) (\(items.count.formatted())):")
        guard items.count > listed else {
            for item in items { print("  \(item)") }
            return
        }
        var groups: [String: [WordPressImportReport.Skip]] = [:]
        var order: [String] = []
        for item in items {
            let reason = item.reason.replacing(/“[^”]*”/, with: "“…”")
            if groups[reason] == nil { order.append(reason) }
            groups[reason, default: []].append(item)
        }
        for reason in order {
            let members = groups[reason] ?? []
            let examples = members.prefix(3).map(\.item).joined(separator: ", ")
            print("  \(members.count.formatted()) × \(reason) (for example \(examples))")
        }
    }
}

struct ImportFeed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "Import another outlet's feed (RSS, Atom or JSON Feed), each entry attributed “Source: NAME”.",
        discussion: """
            Each entry becomes an article linking to its original, with the outlet's archive at \
            /source/<name>/. Its HTML keeps only safe elements (no scripts, frames, styles or event \
            handlers). Entries are known by their id or link: importing the feed again adds only new ones. \
            Fetching gives up after 30 seconds, stops past 20 MB and follows redirects only to http(s).
            """)

    @OptionGroup var site: SiteOptions

    @Argument(help: "The feed's address (http:// or https://) or a file.")
    var location: String

    @OptionGroup var feed: FeedOptions

    func run() async throws {
        let status = try feed.articleStatus()
        try await CommandRunner.withServices(flags: site.flags) { services, _ in
            let authorID = try await feed.authorID(in: services)
            let report: FeedImport.Report
            do {
                report = try await services.feedImport.run(
                    location: location, options: .init(sourceName: feed.source, status: status, authorID: authorID))
            } catch let error as ImportError {
                throw CommandRunner.fail(error.message)
            }
            let title = report.feedTitle.isEmpty ? "" : " from “\(report.feedTitle)”"
            print(
                "Imported \(report.added) new \(report.added == 1 ? "entry" : "entries")\(title) as \(status.label.lowercased()) "
                    + "articles; \(report.alreadyImported) already imported.")
            for skip in report.skipped { print("  Left out \(skip)") }
        }
    }
}

/// A one-line progress bar on standard error, redrawn in place; silent when that is not a terminal.
final class ProgressBar: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var lastPercent = -1

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func show(done: Int, total: Int, noun: String) {
        guard enabled, total > 0 else { return }
        let percent = min(100, done * 100 / total)
        lock.lock()
        defer { lock.unlock() }
        guard percent != lastPercent else { return }
        lastPercent = percent
        let width = 30
        let filled = percent * width / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        FileHandle.standardError.write(Data("\r\u{1B}[K[\(bar)] \(percent)% \(done)/\(total) \(noun)".utf8))
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
