import GazetteStorage
import Synchronization

/// What readers may now see differently.
public enum ContentChange: Sendable, Equatable {
    /// Articles, the site's identity or an author: lists, feeds and sitemaps may all differ.
    case everything
    /// The approved comments of one article: its page and the comment feeds.
    case comments(articleID: Int64)

    /// The cache tags an answer carries when it shows this article's comments.
    public static func commentTag(_ articleID: Int64) -> String { "comments-\(articleID)" }
    /// The tag of answers that show comments of every article (the site-wide comment feed).
    public static let allCommentsTag = "comments"
}

/// Where services announce changes once they are committed. Listeners in this process (the page cache)
/// hear at once; relays carry the change to other processes (other instances on PostgreSQL) and are
/// awaited, so when a service call returns, every instance has been told.
public final class ContentChanges: Sendable {
    private let listeners = Mutex<[@Sendable (ContentChange) -> Void]>([])
    private let relays = Mutex<[@Sendable (ContentChange) async -> Void]>([])
    /// How a change is said inside a write transaction (`WriteAnnouncement`), when other processes listen.
    private let announcement = Mutex<(@Sendable (ContentChange) -> WriteAnnouncement.Message)?>(nil)

    public init() {}

    /// Lets `committing` send changes from inside the write's own transaction.
    public func announce(with message: @escaping @Sendable (ContentChange) -> WriteAnnouncement.Message) {
        announcement.withLock { $0 = message }
    }

    /// Runs a write whose transaction announces `change` to other processes as it commits, then tells this
    /// process's listeners. A process that dies just after committing has told the others all the same.
    public func committing<T: Sendable>(
        _ change: ContentChange, _ write: @Sendable () async throws -> T
    ) async throws -> T {
        guard let message = announcement.withLock({ $0 })?(change) else {
            let result = try await write()
            await publish(change)
            return result
        }
        let result = try await WriteAnnouncement.$current.withValue(message) { try await write() }
        for listener in listeners.withLock({ $0 }) { listener(change) }
        return result
    }

    public func subscribe(_ listener: @escaping @Sendable (ContentChange) -> Void) {
        listeners.withLock { $0.append(listener) }
    }

    public func relay(_ send: @escaping @Sendable (ContentChange) async -> Void) {
        relays.withLock { $0.append(send) }
    }

    public func publish(_ change: ContentChange) async {
        for listener in listeners.withLock({ $0 }) { listener(change) }
        for send in relays.withLock({ $0 }) { await send(change) }
    }

    /// Announces the comments of each of these articles.
    public func publishComments(of articleIDs: some Sequence<Int64>) async {
        for id in Set(articleIDs) { await publish(.comments(articleID: id)) }
    }
}
