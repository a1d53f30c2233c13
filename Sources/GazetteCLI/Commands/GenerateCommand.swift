import ArgumentParser
import Foundation
import Gazette
import GazetteServices

struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Add sample articles to the site, for trying Gazette out and for benchmarks.",
        discussion: """
            Writes articles with realistic lengths and word frequencies, tags, sections, bylines and \
            syndicated sources, published over the last years. The same seed gives the same articles.
            """)

    @OptionGroup var site: SiteOptions

    @Option(help: "How many articles to add.")
    var articles: Int = 1_000

    @Option(help: "How many reader comments to add to the new articles, about a third of them replies.")
    var comments: Int = 0

    @Option(help: "Spread publication dates over this many days, ending an hour ago.")
    var days: Int = 5 * 365

    @Option(help: "Seed for the sample text; the same seed gives the same site.")
    var seed: UInt64 = 1

    func validate() throws {
        guard (1...10_000_000).contains(articles) else {
            throw ValidationError("--articles must be between 1 and 10,000,000.")
        }
        guard (1...36_500).contains(days) else { throw ValidationError("--days must be between 1 and 36,500.") }
        guard (0...100_000_000).contains(comments) else {
            throw ValidationError("--comments must be between 0 and 100,000,000.")
        }
    }

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags) { services, _ in
            var plan = SiteGenerator.Plan(articles: articles)
            plan.days = days
            plan.seed = seed
            plan.comments = comments
            let total = articles
            let showsProgress = isatty(STDERR_FILENO) == 1
            let report = try await services.siteGenerator.run(plan) { done in
                guard showsProgress else { return }
                FileHandle.standardError.write(Data("\r\u{1B}[K\(done)/\(total) articles".utf8))
            }
            if showsProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            let rate = Double(report.articles) / max(report.seconds, 0.001)
            print(
                "Generated \(report.articles) articles by \(report.authors) authors and \(report.comments) comments in "
                    + String(format: "%.1f s (%.0f articles/s).", report.seconds, rate))
        }
    }
}
