import HTTPTypes
import NIOCore
import Testing

@testable import Gazette
@testable import GazetteServices
@testable import GazetteWeb

@Suite("Page cache store")
struct PageCacheStoreTests {
    static func entry(_ text: String) -> PageCache.Entry {
        PageCache.Entry(headers: [:], body: ByteBuffer(string: text), gzipped: nil, eTag: "\"\(text.count)\"")
    }

    @Test("the least recently used pages leave first once the byte budget is spent")
    func eviction() {
        // Each entry costs about 2.5 KB: a 2,048-byte buffer for its 1,400 bytes, and its bookkeeping.
        let cache = PageCache(byteBudget: 12_000)
        let big = String(repeating: "x", count: 1_400)
        for key in ["a", "b", "c", "d"] { cache.store(key, Self.entry(big), tags: [], since: cache.ticket()) }
        _ = cache.lookup("a")
        cache.store("e", Self.entry(big), tags: [], since: cache.ticket())
        #expect(cache.lookup("b") == nil, "b was the least recently used")
        #expect(cache.lookup("a") != nil && cache.lookup("e") != nil)
        let metrics = cache.metrics
        #expect(metrics.evictions == 1 && metrics.bytes <= 12_000 && metrics.entries == 4)
    }

    @Test("the budget counts what an entry really holds: buffer capacity, the gzip copy, headers and key")
    func honestCost() {
        let cache = PageCache(byteBudget: 1_000_000)
        var roomy = ByteBufferAllocator().buffer(capacity: 65_536)
        roomy.writeString(String(repeating: "y", count: 1_000))
        var headers: HTTPFields = [:]
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "public, max-age=60"
        let entry = PageCache.Entry(
            headers: headers, body: roomy, gzipped: ByteBuffer(string: String(repeating: "z", count: 300)),
            gzipHeaders: headers, eTag: "\"e\"")
        let key = "/" + String(repeating: "k", count: 200)
        cache.store(key, entry, tags: ["comments-1"], since: cache.ticket())
        let cost = cache.metrics.bytes
        #expect(cost >= 65_536 + 512 + 600, "\(cost) leaves out the buffer's spare room, the copy or the key")
        #expect(cost < 65_536 + 512 + 4_000, "\(cost) is far above what the entry holds")
    }

    @Test("cached copies are cut to their length, so a grown buffer's spare room is not kept for minutes")
    func tightCopies() {
        var grown = ByteBufferAllocator().buffer(capacity: 262_144)
        grown.writeString(String(repeating: "<p>Harbour news</p>\n", count: 3_000))
        var headers: HTTPFields = [:]
        headers[.contentType] = "text/html; charset=utf-8"
        let entry = PageCacheMiddleware<GazetteRequestContext>.entry(headers: headers, body: grown)
        #expect(entry.body.readableBytes == grown.readableBytes && entry.body.capacity == 65_536)
        #expect((entry.gzipped?.capacity ?? .max) <= 4_096, "the compressed copy keeps the compressor's room")
    }

    @Test("an answer rendered while content changed is not kept")
    func raceWithAWrite() {
        let cache = PageCache(byteBudget: 1_000_000)
        let ticket = cache.ticket()
        cache.invalidate(tags: ["comments-1"])
        cache.store("/", Self.entry("old"), tags: [], since: ticket)
        #expect(cache.lookup("/") == nil)
    }

    @Test("a tag change drops only the pages with that tag; a site change drops all")
    func tags() {
        let cache = PageCache(byteBudget: 1_000_000)
        cache.store("/a/", Self.entry("a"), tags: ["comments-1"], since: cache.ticket())
        cache.store("/b/", Self.entry("b"), tags: ["comments-2"], since: cache.ticket())
        cache.invalidate(tags: ["comments-1"])
        #expect(cache.lookup("/a/") == nil && cache.lookup("/b/") != nil)
        cache.invalidateAll()
        #expect(cache.lookup("/b/") == nil && cache.metrics.bytes == 0)
    }

    @Test("no page outlives the cache's lifetime, for changes that come with time alone")
    func lifetime() async throws {
        let cache = PageCache(byteBudget: 1_000_000, lifetime: .milliseconds(50))
        cache.store("/", Self.entry("page"), tags: [], since: cache.ticket())
        #expect(cache.lookup("/") != nil)
        try await Task.sleep(for: .milliseconds(80))
        #expect(cache.lookup("/") == nil)
    }
}
