import Gazette
import HTTPTypes
import NIOCore
import Testing

@Suite("Page cache store")
struct PageCacheStoreTests {
    static func entry(_ text: String) -> PageCache.Entry {
        PageCache.Entry(headers: [:], body: ByteBuffer(string: text), gzipped: nil, eTag: "\"\(text.count)\"")
    }

    @Test("the least recently used pages leave first once the byte budget is spent")
    func eviction() {
        let cache = PageCache(byteBudget: 8_000)
        let big = String(repeating: "x", count: 1_400)
        for key in ["a", "b", "c", "d"] { cache.store(key, Self.entry(big), tags: [], since: cache.ticket()) }
        _ = cache.lookup("a")
        cache.store("e", Self.entry(big), tags: [], since: cache.ticket())
        #expect(cache.lookup("b") == nil, "b was the least recently used")
        #expect(cache.lookup("a") != nil && cache.lookup("e") != nil)
        let metrics = cache.metrics
        #expect(metrics.evictions == 1 && metrics.bytes <= 8_000 && metrics.entries == 4)
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
