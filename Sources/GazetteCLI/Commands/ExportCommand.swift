import ArgumentParser
import Foundation
import Gazette

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the whole site to one file: articles, pages, people, taxonomy, comments, redirects.",
        discussion: """
            wxr is WordPress's export format: WordPress imports it (Tools → Import → WordPress), and so does \
            gazette import wxr, with nothing lost. json is one document described in docs/export-json.md, \
            for other tools. Passwords and the site's secret are never exported. The file is written beside \
            its final name and renamed when complete, so a failed export leaves no half file.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case wxr
        case json
    }

    @Option(help: "The file format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .wxr

    @Argument(help: "The file to write (replaced if it exists).")
    var file: String

    @Option(help: "The site's public address, for the links in the export.")
    var baseURL: String?

    @OptionGroup var site: SiteOptions

    func run() async throws {
        var flags = site.flags
        flags[Setting.baseURL.flag] = baseURL
        let destination = URL(fileURLWithPath: file)
        let partial = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).partial")
        try await CommandRunner.withServices(flags: flags) { services, _ in
            guard FileManager.default.createFile(atPath: partial.path, contents: nil),
                let handle = try? FileHandle(forWritingTo: partial)
            else {
                throw CommandRunner.fail(
                    "Cannot write to \(destination.deletingLastPathComponent().path): "
                        + "check that the folder exists and that you may write in it.")
            }
            let bar = ProgressBar(enabled: isatty(STDERR_FILENO) == 1)
            do {
                let progress: @Sendable (Int, Int) -> Void = { done, total in
                    bar.show(done: done, total: total, noun: "articles and pages")
                }
                let summary =
                    switch format {
                    case .wxr: try await services.wordPressExport.run(to: handle, progress: progress)
                    case .json: try await services.jsonExport.run(to: handle, progress: progress)
                    }
                try handle.close()
                bar.clear()
                // rename(2) replaces an existing file in one step: readers see the old file or the new one.
                guard rename(partial.path, destination.path) == 0 else {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path])
                }
                let counts = [
                    Self.count(summary.articles, "article"), Self.count(summary.pages, "page"),
                    Self.count(summary.comments, "comment"),
                ]
                print(
                    "Exported \(counts.joined(separator: ", ")) and \(Self.count(summary.people, "person", "people")) "
                        + "to \(destination.path).")
            } catch {
                bar.clear()
                try? handle.close()
                try? FileManager.default.removeItem(at: partial)
                throw CommandRunner.fail("The export failed: \(error). Nothing was written to \(destination.path).")
            }
        }
    }

    private static func count(_ number: Int, _ noun: String, _ plural: String? = nil) -> String {
        "\(number.formatted()) \(number == 1 ? noun : plural ?? noun + "s")"
    }
}
