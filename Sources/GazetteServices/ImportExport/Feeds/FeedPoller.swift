import Foundation
import GazetteContent
import GazetteStorage
import Logging

/// Reads the subscribed feeds that are due (`gazette feeds add`), as `gazette serve` does twice a minute:
/// each with the rules of `gazette import feed`, its result recorded and logged. Several instances may
/// poll at once: a feed is claimed by one of them before it is read. Feeds are read a few at a time, so one
/// slow outlet (held to the fetch deadline) never holds up the others.
public struct FeedPoller: Sendable {
    /// Feeds read at once by one instance.
    package static let concurrentReads = 4

    private let subscriptions: FeedSubscriptionStore
    private let clock: Clock
    package let logger: Logger
    package var importer: FeedImport

    public init(subscriptions: FeedSubscriptionStore, importer: FeedImport, clock: Clock, logger: Logger) {
        self.subscriptions = subscriptions
        self.importer = importer
        self.clock = clock
        self.logger = logger
    }

    /// Subscribes to a feed, first read at once; a location already subscribed is refused with a sentence.
    public func subscribe(
        location: String, sourceName: String, status: ArticleStatus, authorID: Int64?, everyMinutes: Int
    ) async throws {
        _ = try await subscriptions.add(
            location: location, sourceName: sourceName, status: status, authorID: authorID,
            everyMinutes: everyMinutes, now: clock.now())
    }

    /// Every subscribed feed, with when it was last read and what came of it.
    public func subscribed() async throws -> [FeedSubscriptionStore.Subscription] {
        try await subscriptions.all()
    }

    /// Stops reading a feed; false when it was not subscribed.
    public func unsubscribe(location: String) async throws -> Bool {
        try await subscriptions.remove(location: location)
    }

    /// Reads every due feed; returns how many were read.
    @discardableResult
    public func runDue() async throws -> Int {
        let store = subscriptions
        let due = try await store.claimDue(now: clock.now())
        try await withThrowingTaskGroup(of: Void.self) { group in
            var waiting = due[...]
            for _ in 0..<Self.concurrentReads {
                guard let next = waiting.popFirst() else { break }
                group.addTask { try await read(next, store: store) }
            }
            while try await group.next() != nil {
                if let next = waiting.popFirst() { group.addTask { try await read(next, store: store) } }
            }
        }
        return due.count
    }

    private func read(_ subscription: FeedSubscriptionStore.Subscription, store: FeedSubscriptionStore) async throws {
        let result: String
        do {
            let report = try await importer.run(
                location: subscription.location,
                options: .init(
                    sourceName: subscription.sourceName, status: subscription.status,
                    authorID: subscription.authorID))
            result =
                "\(report.added) new, \(report.alreadyImported) already imported"
                + (report.skipped.isEmpty ? "" : ", \(report.skipped.count) left out")
            logger.info("Feed \(subscription.sourceName) (\(subscription.location)): \(result)")
        } catch {
            result = "failed: \(error)"
            logger.warning("Feed \(subscription.sourceName) (\(subscription.location)) \(result)")
        }
        try await store.record(id: subscription.id, result: result, at: clock.now())
    }
}
