import ArgumentParser
import Foundation
import Gazette
import GazetteContent

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Admin API tokens: make, list and revoke them.",
        subcommands: [AddToken.self, ListTokens.self, RevokeToken.self])
}

struct AddToken: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Make a token that acts as a person, within its scopes; it is shown once.",
        discussion: """
            Scopes: \(APIScope.allCases.map(\.rawValue).joined(separator: ", ")). A token never does more than its \
            person's role allows (a contributor's token cannot publish). Send it as \
            "Authorization: Bearer <token>" to /api/v1/admin/….
            """)

    @OptionGroup var site: SiteOptions
    @Option(help: "What uses the token, such as \"Mobile app\".") var name: String
    @Option(name: .customLong("scopes"), help: "Comma-separated scopes, such as articles:read,articles:write.")
    var scopeList: String
    @Option(help: "The email of the person the token acts as; the first admin when left out.") var user: String?

    func run() async throws {
        let scopes: [APIScope]
        do {
            scopes = try APIScope.parse(scopeList)
        } catch {
            throw CommandRunner.fail(error.issues.map(\.message).joined(separator: "\n"))
        }
        try await CommandRunner.withServices(flags: site.flags) { services, _ in
            let person: Author
            if let user {
                guard let found = try await services.people.find(email: user) else {
                    throw CommandRunner.fail("Nobody in the newsroom has the email \(user). See: gazette user list")
                }
                person = found
            } else {
                guard let admin = try await services.people.everyone().first(where: { $0.role == .admin }) else {
                    throw CommandRunner.fail("The site has no admin yet; name the person with --user EMAIL.")
                }
                person = admin
            }
            do {
                let issued = try await services.apiTokens.issue(name: name, scopes: scopes, for: person, by: nil)
                print(
                    "Token \(issued.record.id) “\(issued.record.name)” acts as \(person.name) (\(person.role.rawValue))."
                )
                print("Scopes: \(scopes.map(\.rawValue).joined(separator: ", ")). Copy it now: it is not shown again.")
                print(issued.token)
            } catch let errors as ValidationErrors {
                throw CommandRunner.fail(errors.issues.map(\.message).joined(separator: "\n"))
            }
        }
    }
}

struct ListTokens: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the tokens, newest first.")

    @OptionGroup var site: SiteOptions

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags) { services, _ in
            let tokens = try await services.apiTokens.list()
            if tokens.isEmpty { print("No API tokens yet. Make one with: gazette token add --name … --scopes …") }
            for token in tokens {
                let used = token.lastUsedAt.map { "last used \($0.ISO8601Format())" } ?? "never used"
                let state = token.revokedAt.map { "revoked \($0.ISO8601Format())" } ?? used
                print(
                    "\(token.id)  \(token.name)  …\(token.hint)  \(token.authorName)  "
                        + "\(token.scopes.map(\.rawValue).joined(separator: ","))  \(state)")
            }
        }
    }
}

struct RevokeToken: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Revoke a token: every instance refuses it from the next call.")

    @OptionGroup var site: SiteOptions
    @Argument(help: "The token's number (see gazette token list).") var id: Int64

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags) { services, _ in
            guard try await services.apiTokens.revoke(id: id, by: nil) else {
                throw CommandRunner.fail("There is no token \(id) that is not already revoked. See: gazette token list")
            }
            print("Token \(id) revoked.")
        }
    }
}
