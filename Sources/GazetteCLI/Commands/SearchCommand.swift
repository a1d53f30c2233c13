import ArgumentParser
import Gazette

struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Look after the full-text search index.", subcommands: [ReindexSearch.self])
}

struct ReindexSearch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex", abstract: "Rebuild the search index from every article, in one transaction.")

    @OptionGroup var site: SiteOptions

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags) { services, _ in
            let count = try await services.reindexSearch()
            print("Indexed \(count) article\(count == 1 ? "" : "s").")
        }
    }
}
