import HTTPTypes
import NIOCore

/// What a cached answer really takes in memory, so `--page-cache-mb` bounds the process and not just the bodies.
///
/// A `ByteBuffer` holds a power-of-two allocation, so its capacity is counted, not its readable bytes; headers,
/// the key (kept in the table and twice in the recency list) and the tags are counted by their text plus a fixed
/// allowance for the structures around them. What the process grows by beyond this is the allocator's: see
/// `gazette serve`'s `returnFreedPagesToTheSystem` and `scripts/bench-cache-memory`.
package enum EntryCost {
    /// Dictionary slots, the recency links and the entry's own fields.
    package static let bookkeeping = 400
    /// An `HTTPFields` element: the name, the value's storage and indexes.
    package static let perField = 96

    package static func of(_ entry: PageCache.Entry, key: String, tags: [String]) -> Int {
        var total = bookkeeping + entry.body.capacity + (entry.gzipped?.capacity ?? 0)
        total += headers(entry.headers) + (entry.gzipHeaders.map(headers) ?? 0)
        total += key.utf8.count * 3 + entry.eTag.utf8.count
        total += tags.reduce(0) { $0 + $1.utf8.count + 48 }
        return total
    }

    package static func headers(_ fields: HTTPFields) -> Int {
        fields.reduce(0) { $0 + perField + $1.name.rawName.utf8.count + $1.value.utf8.count }
    }
}
