import Foundation
import GazetteContent
import GazetteStorage
import Logging

/// Writes the newsroom's audit log: sign-ins and their failures, publishing, roles, settings and links.
///
/// A line that cannot be written is reported in the server's log and does not undo the action it describes:
/// the action has already happened, and refusing its answer would only hide that from the person.
public struct AuditLog: Sendable {
    private let store: AuditStore
    private let authors: AuthorStore
    private let clock: Clock
    private let logger: Logger
    /// Lines are kept this long, then pruned by the scheduler.
    public static let retention: TimeInterval = 400 * 86_400

    public init(
        store: AuditStore, authors: AuthorStore, clock: Clock, logger: Logger = Logger(label: "gazette.audit")
    ) {
        self.store = store
        self.authors = authors
        self.clock = clock
        self.logger = logger
    }

    /// Records what `actor` did, from the current request's address.
    public func record(_ action: AuditAction, by actor: Author?, target: String = "", detail: String = "") async {
        await record(action, actorID: actor?.id, actorName: actor?.name ?? "", target: target, detail: detail)
    }

    /// Records what the person with this id did, when only the id is at hand (after a link was used).
    public func record(_ action: AuditAction, userID: Int64, target: String = "", detail: String = "") async {
        let name = (try? await authors.find(id: userID))?.name ?? "person \(userID)"
        await record(action, actorID: userID, actorName: name, target: target, detail: detail)
    }

    /// Records an event whose actor is only a typed address (a failed sign-in).
    public func record(_ action: AuditAction, typedEmail: String, target: String = "", detail: String = "") async {
        await record(action, actorID: nil, actorName: typedEmail, target: target, detail: detail)
    }

    private func record(
        _ action: AuditAction, actorID: Int64?, actorName: String, target: String, detail: String
    )
        async
    {
        let event = AuditEvent(
            action: action, actorID: actorID, actorName: actorName, target: target, detail: detail,
            address: RequestOrigin.address ?? RequestOrigin.commandLine, at: clock.now())
        do {
            try await store.append(event)
        } catch {
            logger.error("The audit log could not record \(action.rawValue): \(error)")
        }
    }

    public func page(_ filter: AuditFilter, _ request: PageRequest) async throws -> Page<AuditEvent> {
        try await store.page(filter, request)
    }

    @discardableResult
    public func prune() async throws -> Int {
        try await store.prune(before: clock.now().addingTimeInterval(-Self.retention))
    }

    /// How an article is named in the log.
    public static func article(_ id: Int64, _ title: String) -> String {
        "“\(title)” (article \(id))"
    }

    /// How a person is named in the log.
    public static func person(_ author: Author) -> String {
        "\(author.name) <\(author.email)> (person \(author.id))"
    }
}
