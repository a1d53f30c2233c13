import ArgumentParser
import Gazette
import GazetteContent
import GazetteServices

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage the people who write for the site.",
        subcommands: [AddUser.self, ListUsers.self, ResetPassword.self, ResetTwoFactor.self])
}

extension Role: ExpressibleByArgument {}

struct AddUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a person, e.g. for bylines.")

    @OptionGroup var site: SiteOptions

    @Option(help: "Their name as bylines show it.")
    var name: String

    @Option(help: "Their email address (private: never shown on the site).")
    var email: String

    @Option(help: "admin, editor, author or contributor.")
    var role: Role = .author

    @Option(help: "A short biography shown on their archive page.")
    var bio: String = ""

    @Option(help: "The address of their archive (/author/SLUG/); made from the name when left out.")
    var slug: String?

    func run() async throws {
        let author: NewAuthor
        do {
            author = try NewAuthor(name: name, email: email, role: role, bio: bio, slug: slug).validated()
        } catch {
            throw CommandRunner.fail(error.issues.map(\.message).joined(separator: "\n       "))
        }
        try await CommandRunner.withServices(flags: site.flags) { services, _ in
            do {
                let created = try await services.people.add(author)
                print(
                    "Added \(created.name) <\(created.email)> as \(created.role.rawValue), at /author/\(created.slug)/")
            } catch {
                guard let refusal = StorageRefusal.message(error) else { throw error }
                throw CommandRunner.fail(refusal)
            }
        }
    }
}

struct ListUsers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List everyone.")

    @OptionGroup var site: SiteOptions

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags) { services, _ in
            let authors = try await services.people.everyone()
            if authors.isEmpty { print("No users yet. Add one with gazette user add.") }
            for author in authors {
                print(
                    "\(author.id)\t\(author.role.rawValue)\t\(author.name) <\(author.email)>\t/author/\(author.slug)/")
            }
        }
    }
}

struct ResetPassword: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-password", abstract: "Print a one-time link to choose a new password (valid 24 hours).")

    @OptionGroup var site: SiteOptions

    @Option(help: "The person's email address.")
    var email: String

    @Option(
        name: .customLong("base-url"),
        help:
            "The site's public address, to print a full link (GAZETTE_BASE_URL); by default the one gazette serve last served."
    )
    var baseURL: String?

    func run() async throws {
        var flags = site.flags
        flags[Setting.baseURL.flag] = baseURL
        try await CommandRunner.withServices(flags: flags) { services, _ in
            guard let path = try await services.accounts.resetLink(email: email) else {
                throw CommandRunner.fail("There is no user with the email \(email). See gazette user list.")
            }
            print("Open this link to choose a new password (it works once, for 24 hours):")
            print("    \(await services.linkBase())\(path)")
        }
    }
}

struct ResetTwoFactor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-two-factor",
        abstract: "Turn off someone's two-step sign-in, when they lost their phone and their recovery codes.",
        discussion:
            "They sign in with their password alone next time; if their role requires two-step sign-in, they are asked to set it up again at once."
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "The person's email address.")
    var email: String

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags) { services, _ in
            guard let author = try await services.people.find(email: email) else {
                throw CommandRunner.fail("There is no user with the email \(email). See gazette user list.")
            }
            guard try await services.accounts.twoFactor.isEnabled(userID: author.id) else {
                print("\(author.name) <\(author.email)> does not use two-step sign-in; nothing changed.")
                return
            }
            try await services.accounts.twoFactor.disable(userID: author.id)
            await services.audit.record(
                .twoFactorDisabled, by: nil, target: AuditLog.person(author), detail: "gazette user reset-two-factor")
            print("Two-step sign-in is off for \(author.name) <\(author.email)>. Ask them to set it up again.")
        }
    }
}
