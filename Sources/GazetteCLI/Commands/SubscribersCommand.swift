import ArgumentParser
import Foundation
import Gazette
import GazetteContent

struct SubscribersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subscribers", abstract: "Readers who get the site's email.",
        subcommands: [ListSubscribers.self, ImportSubscribers.self, ExportSubscribers.self, RemoveSubscriber.self])
}

struct ListSubscribers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Count the subscribers and list the newest (or those matching --search).")

    @OptionGroup var site: SiteOptions
    @Option(help: "Only addresses containing this text.") var search: String = ""
    @Option(help: "How many to show.") var limit: Int = 50

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags) { services, _ in
            let counts = try await services.subscribers.counts()
            print(
                SubscriberStatus.allCases.map { "\($0.rawValue): \(counts.byStatus[$0] ?? 0)" }.joined(separator: "  ")
                    + "  newsletter readers: \(counts.newsletterReaders)")
            for reader in try await services.subscribers.list(
                search: search, limit: max(1, min(limit, 1_000)), offset: 0)
            {
                let topics = reader.topics.map(\.rawValue).joined(separator: " ")
                print("\(reader.email) [\(reader.status.rawValue)] \(topics.isEmpty ? "(nothing confirmed)" : topics)")
            }
        }
    }
}

struct ImportSubscribers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Add subscribers from a CSV file, with the date each gave consent.",
        discussion: """
            The first line names the columns: email and consent_date are required; topics (site, \
            category:SLUG, tag:SLUG, author:SLUG, separated by spaces; site when empty) and consent (how \
            they agreed) are optional. Every line is checked first: if one is wrong, nothing is imported. \
            Addresses that unsubscribed or bounced here are not signed up again.
            """)

    @OptionGroup var site: SiteOptions
    @Argument(help: "The CSV file.") var file: String

    func run() async throws {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw CommandRunner.fail("Cannot read \(file) as UTF-8 text.")
        }
        try await CommandRunner.withServices(flags: site.flags) { services, _ in
            do {
                let result = try await services.subscribers.importCSV(text)
                print(
                    "Imported: \(result.added) new, \(result.updated) with new topics, "
                        + "\(result.refused) not signed up again (they had left or bounced).")
            } catch let error as ValidationErrors {
                throw CommandRunner.fail(error.issues.map(\.message).joined(separator: "\n"))
            }
        }
    }
}

struct ExportSubscribers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write every subscriber as CSV (to standard output, or to FILE).")

    @OptionGroup var site: SiteOptions
    @Argument(help: "Where to write; standard output when left out.") var file: String?

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags) { services, _ in
            let handle: FileHandle
            if let file {
                guard
                    FileManager.default.createFile(atPath: file, contents: nil, attributes: [.posixPermissions: 0o600]),
                    let opened = FileHandle(forWritingAtPath: file)
                else { throw CommandRunner.fail("Cannot write \(file).") }
                handle = opened
            } else {
                handle = FileHandle.standardOutput
            }
            try await services.subscribers.exportCSV { text in try handle.write(contentsOf: Data(text.utf8)) }
            if file != nil { try handle.close() }
        }
    }
}

struct RemoveSubscriber: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Forget a subscriber and everything they follow, for good.")

    @OptionGroup var site: SiteOptions
    @Argument(help: "Their email address.") var email: String

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags) { services, _ in
            guard let reader = try await services.subscriptions.subscriber(email: email),
                try await services.subscribers.remove(id: reader.id)
            else { throw CommandRunner.fail("No subscriber has the address \(email).") }
            print("Removed \(reader.email).")
        }
    }
}

struct NewsletterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsletter", abstract: "Send articles to their subscribers by email.",
        subcommands: [SendNewsletter.self, ListNewsletters.self])
}

struct SendNewsletter: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send an article to the readers of its site, section, tags and author, once it is out.",
        discussion: "The running gazette serve sends it, paced by --mail-rate; an article goes out once.")

    @OptionGroup var site: SiteOptions
    @Argument(help: "The article's number (as in /admin/articles/NUMBER).") var article: Int64

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags) { services, _ in
            do {
                let title = try await services.sendNewsletter(articleID: article)
                print("“\(title)” is queued for its subscribers; gazette serve sends it.")
            } catch let error as ValidationErrors {
                throw CommandRunner.fail(error.issues.map(\.message).joined(separator: " "))
            }
        }
    }
}

struct ListNewsletters: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "The latest newsletters and how far their sending got.")

    @OptionGroup var site: SiteOptions

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags) { services, _ in
            for line in try await services.newsletterReport() { print(line) }
        }
    }
}
