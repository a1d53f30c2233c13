import ArgumentParser
import Foundation
import Gazette
import GazetteContent

struct FeedsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "Other outlets' feeds that gazette serve reads on a schedule.",
        discussion: """
            Each run follows the rules of gazette import feed: new entries only, attributed “Source: NAME”, \\
            their HTML made safe. gazette serve checks for due feeds twice a minute and logs each run; \\
            gazette feeds list shows when each was last read and what came of it.
            """,
        subcommands: [FeedsAdd.self, FeedsList.self, FeedsRemove.self, FeedsRun.self])
}

struct FeedsAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Read a feed on a schedule.")

    @OptionGroup var site: SiteOptions

    @Argument(help: "The feed's address (http:// or https://) or a file.")
    var location: String

    @OptionGroup var feed: FeedOptions

    @Option(help: "Minutes between two readings (at least 1).")
    var every: Int = 60

    func run() async throws {
        let status = try feed.articleStatus()
        guard every >= 1, every <= 60 * 24 * 30 else {
            throw CommandRunner.fail("--every is a number of minutes from 1 to 43200 (30 days).")
        }
        guard NamedTerm(name: feed.source) != nil else {
            throw CommandRunner.fail("Name the source with letters or digits, for example --source \"Harbour Wire\".")
        }
        if let url = URL(string: location), let scheme = url.scheme?.lowercased(), scheme.count > 1 {
            guard scheme == "http" || scheme == "https" else {
                throw CommandRunner.fail("\(location): only http:// and https:// addresses, or a file, can be read.")
            }
        } else if !FileManager.default.isReadableFile(atPath: location) {
            throw CommandRunner.fail("Cannot read \(location): no such file, or it is not readable.")
        }
        try await CommandRunner.withServices(flags: site.flags) { services, logger in
            let authorID = try await feed.authorID(in: services)
            do {
                try await services.feedPoller(logger: logger).subscribe(
                    location: location, sourceName: feed.source, status: status, authorID: authorID,
                    everyMinutes: every)
            } catch {
                guard let refusal = StorageRefusal.message(error) else { throw error }
                throw CommandRunner.fail(refusal)
            }
            print(
                "gazette serve will read \(location) every \(every) minute(s), as “Source: \(feed.source)”, starting now."
            )
        }
    }
}

/// What `gazette import feed` and `gazette feeds add` both ask: the outlet, the status, the byline.
struct FeedOptions: ParsableArguments {
    @Option(help: "The outlet's name, shown as “Source: NAME”.")
    var source: String

    @Option(help: "draft (for an editor to review) or published.")
    var status: String = "draft"

    @Option(help: "The byline: a user's name, slug or email. Without it, an author named after the source.")
    var author: String?

    func articleStatus() throws -> ArticleStatus {
        guard let parsed = ArticleStatus(lenient: status), parsed == .draft || parsed == .published else {
            throw CommandRunner.fail("--status is draft or published, not “\(status)”.")
        }
        return parsed
    }

    /// The byline's user id; nil without `--author`.
    func authorID(in services: AppServices) async throws -> Int64? {
        guard let author else { return nil }
        guard let found = try await services.people.find(matching: author) else {
            throw CommandRunner.fail("There is no user “\(author)”; see gazette user list.")
        }
        return found.id
    }
}

struct FeedsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "The feeds read on a schedule, when each was last read and what came of it.")

    @OptionGroup var site: SiteOptions

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags) { services, logger in
            let subscriptions = try await services.feedPoller(logger: logger).subscribed()
            guard !subscriptions.isEmpty else {
                print("No feeds are read on a schedule. Add one with gazette feeds add URL --source NAME.")
                return
            }
            for subscription in subscriptions {
                let last =
                    subscription.lastRunAt.map {
                        "last read \($0.formatted(.iso8601)): \(subscription.lastResult)"
                    } ?? "not read yet"
                print(
                    "\(subscription.sourceName)\t\(subscription.location)\tevery \(subscription.everyMinutes) min, "
                        + "\(subscription.status.label.lowercased())\t\(last)")
            }
        }
    }
}

struct FeedsRemove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Stop reading a feed (its articles stay).")

    @OptionGroup var site: SiteOptions

    @Argument(help: "The feed's address or file, as given to gazette feeds add.")
    var location: String

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags) { services, logger in
            guard try await services.feedPoller(logger: logger).unsubscribe(location: location) else {
                throw CommandRunner.fail("\(location) is not read on a schedule; see gazette feeds list.")
            }
            print("\(location) is no longer read. The articles it brought stay.")
        }
    }
}

struct FeedsRun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Read the feeds that are due now, as gazette serve would.")

    @OptionGroup var site: SiteOptions

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags) { services, logger in
            let read = try await services.feedPoller(logger: logger).runDue()
            print(read == 0 ? "No feed is due." : "Read \(read) feed(s); see gazette feeds list for what came of each.")
        }
    }
}
