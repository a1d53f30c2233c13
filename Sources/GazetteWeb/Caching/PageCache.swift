import Foundation
import GazetteServices
import HTTPTypes
import NIOCore
import Synchronization

/// Rendered public answers kept in memory, so readers get pages at close to the speed of static files.
///
/// Each entry holds the bytes, a gzip copy made once, and the validators. Entries are dropped least
/// recently used first once the byte budget is spent; the budget counts what an entry really takes in memory
/// (buffer capacities, headers, key and bookkeeping), not only the length of its body. Staleness is decided by generations: every change
/// to content bumps the site-wide generation or a tag's (one article's comments), and an entry is served
/// only while the generations it was rendered under are still current, so a change is seen by the very
/// next request without scanning the cache.
public final class PageCache: Sendable {
    /// What a cached answer carries besides its bytes.
    public struct Entry: Sendable {
        public var headers: HTTPFields
        public var body: ByteBuffer
        public var gzipped: ByteBuffer?
        /// The headers to send with `gzipped`, when there is a gzip copy.
        public var gzipHeaders: HTTPFields?
        public var eTag: String
        /// Read from the headers once, when stored, for If-Modified-Since.
        public var lastModified: Date?
        package var generation: UInt64 = 0
        package var tags: [String: UInt64] = [:]
        package var expires: ContinuousClock.Instant = .now

        /// `headers` go with `body` as they are; `gzipHeaders` with `gzipped`.
        public init(
            headers: HTTPFields, body: ByteBuffer, gzipped: ByteBuffer?, gzipHeaders: HTTPFields? = nil, eTag: String
        ) {
            self.headers = headers
            self.body = body
            self.gzipped = gzipped
            self.gzipHeaders = gzipHeaders
            self.eTag = eTag
            lastModified = headers[.lastModified].flatMap(HTTPDate.parse)
        }

        /// What keeping the entry really costs, set when it is stored: see `EntryCost`.
        package var size = 0
    }

    /// Counters for operators and benchmarks.
    public struct Metrics: Sendable, Equatable {
        public var hits = 0
        public var misses = 0
        public var evictions = 0
        public var invalidations = 0
        public var entries = 0
        public var bytes = 0
    }

    /// A point in the change history; an answer rendered after it may be stored only if nothing changed since.
    public struct Ticket: Sendable {
        package let changes: UInt64
        package let generation: UInt64
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var recency = RecencyList()
        var generation: UInt64 = 1
        var tagGenerations: [String: UInt64] = [:]
        /// Counts every invalidation, so a render that overlapped one is not stored.
        var changes: UInt64 = 0
        var metrics = Metrics()
    }

    public let byteBudget: Int
    /// Pages also change with time alone (comments close after so many days, the news sitemap keeps two
    /// days), so no entry outlives this.
    public let lifetime: Duration
    /// Changes made by other processes on the same SQLite file (a `gazette` command) empty the cache.
    private let shared: SharedChangeCounter?
    private let state = Mutex(State())

    public init(byteBudget: Int, lifetime: Duration = .seconds(300), shared: SharedChangeCounter? = nil) {
        self.byteBudget = byteBudget
        self.lifetime = lifetime
        self.shared = shared
    }

    public var metrics: Metrics { state.withLock { $0.metrics } }

    /// The current entry for `key`, counting a hit or a miss.
    public func lookup(_ key: String) -> Entry? {
        if let shared, shared.foreignChange() { invalidateAll() }
        return state.withLock { state in
            guard let entry = state.entries[key] else {
                state.metrics.misses += 1
                return nil
            }
            let current =
                entry.generation == state.generation && entry.expires > .now
                && entry.tags.allSatisfy { state.tagGenerations[$0.key, default: 0] == $0.value }
            guard current else {
                Self.remove(key, from: &state)
                state.metrics.misses += 1
                return nil
            }
            state.recency.touch(key)
            state.metrics.hits += 1
            return entry
        }
    }

    /// Taken before rendering; `store` refuses the answer when anything changed in between.
    public func ticket() -> Ticket {
        if let shared, shared.foreignChange() { invalidateAll() }
        return state.withLock { Ticket(changes: $0.changes, generation: $0.generation) }
    }

    /// Keeps an answer rendered since `ticket`, tagged with what besides the site it depends on; false when
    /// something changed while it was rendered (the answer may be stale) or it is too large to keep.
    @discardableResult
    public func store(_ key: String, _ entry: Entry, tags: [String], since ticket: Ticket) -> Bool {
        var entry = entry
        entry.expires = .now + lifetime
        entry.size = EntryCost.of(entry, key: key, tags: tags)
        return state.withLock { state in
            guard state.changes == ticket.changes else { return false }
            entry.generation = ticket.generation
            for tag in tags { entry.tags[tag] = state.tagGenerations[tag, default: 0] }
            guard entry.size <= byteBudget / 4 else { return false }
            Self.remove(key, from: &state)
            state.entries[key] = entry
            state.recency.touch(key)
            state.metrics.bytes += entry.size
            state.metrics.entries = state.entries.count
            while state.metrics.bytes > byteBudget, let oldest = state.recency.oldest {
                Self.remove(oldest, from: &state)
                state.metrics.evictions += 1
            }
            return true
        }
    }

    /// Drops what the change affects.
    @Sendable public func apply(_ change: ContentChange) {
        switch change {
        case .everything: invalidateAll()
        case .comments(let articleID):
            invalidate(tags: [ContentChange.commentTag(articleID), ContentChange.allCommentsTag])
        }
    }

    /// Every page may have changed: articles, the site's settings, an author's name.
    public func invalidateAll() {
        state.withLock { state in
            state.generation += 1
            state.changes += 1
            state.metrics.invalidations += 1
            // Stale entries would only wait to be found; dropping them now returns their memory at once.
            state.entries.removeAll(keepingCapacity: true)
            state.recency = RecencyList()
            state.tagGenerations.removeAll()
            state.metrics.bytes = 0
            state.metrics.entries = 0
        }
    }

    /// Only the pages tagged with one of `tags` changed (say, one article's comments).
    public func invalidate(tags: [String]) {
        state.withLock { state in
            for tag in tags { state.tagGenerations[tag, default: 0] += 1 }
            state.changes += 1
            state.metrics.invalidations += 1
        }
    }

    private static func remove(_ key: String, from state: inout State) {
        guard let entry = state.entries.removeValue(forKey: key) else { return }
        state.recency.remove(key)
        state.metrics.bytes -= entry.size
        state.metrics.entries = state.entries.count
    }
}

/// Keys in order of last use: a doubly linked list threaded through a dictionary, O(1) for each step.
package struct RecencyList {
    private struct Links {
        var newer: String?
        var older: String?
    }

    private var links: [String: Links] = [:]
    private var newest: String?
    package private(set) var oldest: String?

    package mutating func touch(_ key: String) {
        if newest == key { return }
        remove(key)
        links[key] = Links(newer: nil, older: newest)
        if let newest { links[newest]?.newer = key }
        newest = key
        if oldest == nil { oldest = key }
    }

    package mutating func remove(_ key: String) {
        guard let link = links.removeValue(forKey: key) else { return }
        if let newer = link.newer { links[newer]?.older = link.older } else { newest = link.older }
        if let older = link.older { links[older]?.newer = link.newer } else { oldest = link.newer }
    }
}
