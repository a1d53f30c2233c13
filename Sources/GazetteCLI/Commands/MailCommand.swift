import ArgumentParser
import Gazette
import Logging

struct MailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail", abstract: "Check how the site sends email.", subcommands: [TestMail.self])
}

struct TestMail: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Send a test message to ADDRESS the way the site sends its mail.",
        discussion: """
            Without an SMTP server configured, messages are written as .eml files under <data-dir>/outbox/, \
            and this says where.
            """)

    @OptionGroup var site: SiteOptions
    @Argument(help: "Where to send the test message.") var address: String

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags) { services, logger in
            let summary = try await services.sendTestMail(to: address, logger: logger)
            print("Sent a test message to \(address) through \(summary).")
        }
    }
}
