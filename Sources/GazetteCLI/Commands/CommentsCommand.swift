import ArgumentParser
import Foundation
import Gazette
import GazetteContent

struct CommentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comments", abstract: "Moderate reader comments.",
        subcommands: [
            ListComments.self, ModerateComments<Approve>.self, ModerateComments<Unapprove>.self,
            ModerateComments<MarkSpam>.self, ModerateComments<Trash>.self, DeleteComments.self, PurgeComments.self,
        ])
}

extension ModerationStatus: ExpressibleByArgument {}

struct ListComments: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List comments, newest first, with the spam checks' reasons.")

    @OptionGroup var site: SiteOptions

    @Option(help: "pending, approved, spam or trash.")
    var status: ModerationStatus?

    @Option(help: "How many to show.")
    var limit: Int = 50

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags) { services, _ in
            let counts = try await services.comments.counts()
            print(
                ModerationStatus.allCases.map { "\($0.rawValue): \(counts[$0] ?? 0)" }.joined(separator: "  "))
            let comments = try await services.comments.list(status: status, limit: max(1, min(limit, 1_000)))
            if comments.isEmpty { print("No comments\(status.map { " with status \($0.rawValue)" } ?? "").") }
            for comment in comments {
                let excerpt = comment.body.replacingOccurrences(of: "\n", with: " ").prefix(100)
                print(
                    "#\(comment.id) [\(comment.status.rawValue)] article \(comment.articleID)"
                        + (comment.parentID.map { ", reply to #\($0)" } ?? "")
                        + " — \(comment.authorName) <\(comment.authorEmail)> \(comment.authorIP)")
                print("    \(excerpt)")
                for reason in comment.spamReasons { print("    · \(reason) (score \(comment.spamScore))") }
            }
        }
    }
}

/// The actions that change a comment's status, each its own subcommand with the same shape.
protocol ModerationVerb {
    static var name: String { get }
    static var action: ModerationAction { get }
    static var abstract: String { get }
}

enum Approve: ModerationVerb {
    static let name = "approve"
    static let action = ModerationAction.approve
    static let abstract = "Approve comments: they appear on their article."
}

enum Unapprove: ModerationVerb {
    static let name = "unapprove"
    static let action = ModerationAction.unapprove
    static let abstract = "Send comments back to pending."
}

enum MarkSpam: ModerationVerb {
    static let name = "spam"
    static let action = ModerationAction.spam
    static let abstract = "Mark comments as spam."
}

enum Trash: ModerationVerb {
    static let name = "trash"
    static let action = ModerationAction.trash
    static let abstract = "Move comments to the trash (deleted for good after the purge delay)."
}

struct ModerateComments<Verb: ModerationVerb>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Verb.name, abstract: Verb.abstract)
    }

    @OptionGroup var site: SiteOptions

    @Argument(help: "Comment ids.")
    var ids: [Int64]

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags) { services, _ in
            let done = try await services.comments.moderate(Verb.action, ids: ids)
            try report(done: done, asked: ids, verb: Verb.action.resultingStatus.rawValue)
        }
    }
}

struct DeleteComments: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete comments for good (their replies move up a level).")

    @OptionGroup var site: SiteOptions

    @Argument(help: "Comment ids.")
    var ids: [Int64]

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags) { services, _ in
            let done = try await services.comments.delete(ids: ids)
            try report(done: done, asked: ids, verb: "deleted")
        }
    }
}

struct PurgeComments: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge", abstract: "Delete spam and trash older than comments.purge_after_days.")

    @OptionGroup var site: SiteOptions

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags) { services, _ in
            print("Deleted \(try await services.comments.purgeExpired()) old spam and trashed comment(s).")
        }
    }
}

/// Prints what changed and fails when some ids did not exist.
private func report(done: [Int64], asked: [Int64], verb: String) throws {
    if !done.isEmpty { print("\(verb.capitalized): " + done.map { "#\($0)" }.joined(separator: ", ")) }
    let missing = Set(asked).subtracting(done).sorted()
    if !missing.isEmpty {
        throw CommandRunner.fail("No comment with id " + missing.map { "#\($0)" }.joined(separator: ", ") + ".")
    }
}
