import Gazette
import NIOCore
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("One render per missing page")
struct MissCoalescerTests {
    /// Starts `count` requests for `key` that find a render under way, and waits until all of them wait.
    static func followers(
        _ count: Int, of coalescer: MissCoalescer, key: String
    ) async throws -> [Task<
        MissCoalescer.Turn, Never
    >] {
        let tasks = (0..<count).map { _ in Task { await coalescer.join(key) } }
        for _ in 0..<500 where coalescer.waiting(for: key) < count { try await Task.sleep(for: .milliseconds(2)) }
        #expect(coalescer.waiting(for: key) == count)
        return tasks
    }

    @Test("requests that arrive during a render get its answer instead of rendering again")
    func followersShareTheAnswer() async throws {
        let coalescer = MissCoalescer()
        guard case .render = await coalescer.join("/feed/") else {
            Issue.record("the first request must render"); return
        }
        let waiting = try await Self.followers(5, of: coalescer, key: "/feed/")
        guard case .render = await coalescer.join("/other/") else {
            Issue.record("another page renders at once"); return
        }
        let entry = PageCacheStoreTests.entry("feed")
        coalescer.finish("/feed/", with: entry)
        for task in waiting {
            guard case .waited(let shared?) = await task.value else { Issue.record("no answer handed over"); continue }
            #expect(shared.eTag == entry.eTag)
        }
        #expect(coalescer.waiting(for: "/feed/") == 0)
        guard case .render = await coalescer.join("/feed/") else { Issue.record("a later miss renders again"); return }
    }

    @Test("when the render gives nothing to keep, each waiting request renders for itself")
    func nothingToShare() async throws {
        let coalescer = MissCoalescer()
        _ = await coalescer.join("/search?q=x")
        let waiting = try await Self.followers(3, of: coalescer, key: "/search?q=x")
        coalescer.finish("/search?q=x", with: nil)
        for task in waiting {
            guard case .waited(nil) = await task.value else { Issue.record("expected to render for itself"); continue }
        }
    }
}
