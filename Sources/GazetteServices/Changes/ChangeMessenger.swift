import Foundation
import GazetteStorage
import Logging
import ServiceLifecycle

/// Carries content changes between instances that share a PostgreSQL database, over LISTEN/NOTIFY:
/// each change a process commits is sent on one channel, and every serving instance applies the others'
/// changes to its page cache.
public struct ChangeMessenger: Sendable {
    public static let channel = "gazette_changes"
    package let database: Database
    /// Tells this process's own messages from the others'.
    package let sender = UUID().uuidString

    public init(database: Database) {
        self.database = database
    }

    /// Sends the change; a failure is logged, not thrown: the change is committed, and other instances
    /// drop every entry within the cache's lifetime anyway.
    package func send(_ change: ContentChange, logger: Logger) async {
        do {
            try await database.notify(channel: Self.channel, payload: Self.payload(change, from: sender))
        } catch {
            logger.warning("Could not tell other instances of a change: \(String(reflecting: error))")
        }
    }

    /// The change as a notification sent from inside a write transaction.
    package func message(_ change: ContentChange) -> WriteAnnouncement.Message {
        WriteAnnouncement.Message(channel: Self.channel, payload: Self.payload(change, from: sender))
    }

    package static func payload(_ change: ContentChange, from sender: String) -> String {
        switch change {
        case .everything: "1 \(sender) all"
        case .comments(let articleID): "1 \(sender) comments \(articleID)"
        }
    }

    /// The change in a payload and who sent it; nil for a payload this version does not know.
    package static func change(in payload: String) -> (sender: String, change: ContentChange)? {
        let parts = payload.split(separator: " ").map(String.init)
        guard parts.count >= 3, parts[0] == "1" else { return nil }
        switch parts[2] {
        case "all" where parts.count == 3: return (parts[1], .everything)
        case "comments" where parts.count == 4:
            guard let id = Int64(parts[3]) else { return nil }
            return (parts[1], .comments(articleID: id))
        default: return nil
        }
    }
}

/// The listening side, run by `gazette serve` next to the HTTP server: applies other instances' changes,
/// and after any gap in listening (start, lost connection) treats everything as changed.
package struct ChangeListener: Service {
    package let messenger: ChangeMessenger
    package let apply: @Sendable (ContentChange) -> Void
    package let logger: Logger

    package init(messenger: ChangeMessenger, apply: @escaping @Sendable (ContentChange) -> Void, logger: Logger) {
        self.messenger = messenger
        self.apply = apply
        self.logger = logger
    }

    package func run() async throws {
        // Listening never ends by itself: the server's graceful shutdown has to cancel it.
        try await cancelWhenGracefulShutdown { await listen() }
    }

    private func listen() async {
        let sender = messenger.sender
        while !Task.isCancelled {
            do {
                try await messenger.database.listen(
                    channel: ChangeMessenger.channel, ready: { apply(.everything) },
                    receive: { payload in
                        guard let (from, change) = ChangeMessenger.change(in: payload), from != sender else { return }
                        apply(change)
                    })
            } catch {
                if Task.isCancelled { break }
                logger.warning("Listening for other instances' changes failed; retrying: \(String(reflecting: error))")
            }
            try? await Task.sleep(for: .seconds(1))
        }
    }
}
