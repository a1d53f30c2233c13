import ArgumentParser
import Foundation
import Gazette
import GazetteContent

struct WebhooksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhooks",
        abstract: "Addresses told of articles and comments by signed JSON POSTs (also in the newsroom).",
        discussion: """
            Events: \(WebhookEvent.allCases.map(\.rawValue).joined(separator: ", ")). gazette serve sends the \\
            deliveries and tries failed ones again for a day. Secrets are shown only in the newsroom.
            """,
        subcommands: [WebhooksList.self, WebhooksAdd.self, WebhooksRemove.self, WebhooksDeliveries.self])
}

struct WebhooksList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the webhook endpoints.")

    @OptionGroup var site: SiteOptions

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags) { services, _ in
            let endpoints = try await services.webhooks.endpoints()
            if endpoints.isEmpty { print("No webhook endpoint.") }
            for endpoint in endpoints {
                let events = WebhookEvent.allCases.filter(endpoint.events.contains).map(\.rawValue)
                print(
                    "\(endpoint.id)\t\(endpoint.isActive ? "active" : "paused")\t\(endpoint.url)\t"
                        + events.joined(separator: ",")
                        + (endpoint.description.isEmpty ? "" : "\t\(endpoint.description)"))
            }
        }
    }
}

struct WebhooksAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Register a webhook endpoint.")

    @OptionGroup var site: SiteOptions

    @Argument(help: "The address to POST to (http:// or https://).")
    var url: String

    @Option(help: "Comma-separated events, e.g. article.published,comment.approved.")
    var events: String

    @Option(help: "A note for the newsroom.")
    var description: String = ""

    func run() async throws {
        let names = events.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let chosen = names.compactMap(WebhookEvent.init)
        guard chosen.count == names.count else {
            throw CommandRunner.fail(
                "--events takes \(WebhookEvent.allCases.map(\.rawValue).joined(separator: ", ")), separated by commas.")
        }
        try await CommandRunner.withServices(flags: site.flags) { services, _ in
            do {
                let id = try await services.webhooks.register(
                    WebhookEndpointForm(url: url, events: Set(chosen), description: description))
                print("Webhook \(id) added; its signing secret is on its page in the newsroom (Webhooks).")
            } catch let errors as ValidationErrors {
                throw CommandRunner.fail(errors.issues.map(\.message).joined(separator: "\n"))
            }
        }
    }
}

struct WebhooksRemove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a webhook endpoint and its delivery log.")

    @OptionGroup var site: SiteOptions

    @Argument(help: "The endpoint's id (see gazette webhooks list).")
    var id: Int64

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags) { services, _ in
            guard try await services.webhooks.remove(id: id) else {
                throw CommandRunner.fail("There is no webhook endpoint \(id); see gazette webhooks list.")
            }
            print("Webhook \(id) removed.")
        }
    }
}

struct WebhooksDeliveries: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliveries", abstract: "An endpoint's latest deliveries, newest first.")

    @OptionGroup var site: SiteOptions

    @Argument(help: "The endpoint's id (see gazette webhooks list).")
    var id: Int64

    @Option(help: "How many to show.")
    var limit: Int = 20

    func run() async throws {
        try await CommandRunner.withServices(flags: site.flags) { services, _ in
            guard try await services.webhooks.endpoint(id: id) != nil else {
                throw CommandRunner.fail("There is no webhook endpoint \(id); see gazette webhooks list.")
            }
            for delivery in try await services.webhooks.deliveries(endpointID: id, limit: max(1, min(limit, 500))) {
                let answer = delivery.responseStatus.map(String.init) ?? "-"
                print(
                    "\(delivery.key)\t\(delivery.event)\t\(delivery.status)\t\(answer)\tattempts \(delivery.attempts)"
                        + (delivery.lastError.isEmpty ? "" : "\t\(delivery.lastError)"))
            }
        }
    }
}
