import Foundation
import Synchronization
import Testing

@testable import Gazette
@testable import GazetteServices
@testable import GazetteWeb

@Suite("WordPress exports in batches")
struct WXRBatchesTests {
    /// An export of `items` posts, written to a temporary file.
    static func file(items: Int, broken: Bool = false) throws -> URL {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Big</title>
            """
        for id in 1...items {
            text +=
                "<item><title>Post \(id)</title><wp:post_id>\(id)</wp:post_id><wp:post_type>post</wp:post_type></item>\n"
        }
        text += broken ? "<item><title>Cut" : "</channel></rss>"
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("wxr-batches-\(UUID()).xml")
        try Data(text.utf8).write(to: url)
        return url
    }

    static func postIDs(_ batch: [WXR.Entry]) -> [Int] {
        batch.compactMap { if case .item(let item) = $0 { Int(item.postID) } else { nil } }
    }

    @Test("every entry arrives once, in file order, in batches of at most the batch size")
    func order() async throws {
        let url = try Self.file(items: 1_050)
        defer { try? FileManager.default.removeItem(at: url) }
        var ids: [Int] = []
        var sizes: [Int] = []
        for try await batch in WXRBatches.stream(contentsOf: url, batchSize: 100) {
            sizes.append(batch.count)
            ids += Self.postIDs(batch)
        }
        #expect(ids == Array(1...1_050))
        #expect(sizes.allSatisfy { $0 <= 100 } && sizes.count == 11, "\(sizes)")
    }

    @Test("the reading thread never runs more than `depth` batches ahead of a slow consumer")
    func boundedAhead() async throws {
        let url = try Self.file(items: 2_000)
        defer { try? FileManager.default.removeItem(at: url) }
        let produced = Mutex(0)
        var taken = 0
        for try await _ in WXRBatches.stream(
            contentsOf: url, batchSize: 50, depth: 2, produced: { count in produced.withLock { $0 = count } })
        {
            taken += 1
            try await Task.sleep(for: .milliseconds(5))
            let ahead = produced.withLock { $0 } - taken
            #expect(ahead <= 2, "produced \(produced.withLock { $0 }) while \(taken) were taken")
        }
        #expect(taken == 41, "2,000 posts and the site's header, 50 to a batch")
    }

    @Test("a consumer that stops early stops the reading; a broken file ends with its error after the good batches")
    func stoppingAndErrors() async throws {
        let url = try Self.file(items: 5_000)
        defer { try? FileManager.default.removeItem(at: url) }
        let ended = Mutex(false)
        for try await _ in WXRBatches.stream(
            contentsOf: url, batchSize: 10, depth: 1, ended: { ended.withLock { $0 = true } })
        {
            break
        }
        for _ in 0..<200 where !ended.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(10)) }
        #expect(ended.withLock { $0 }, "the reading thread ended once the consumer left")

        let broken = try Self.file(items: 30, broken: true)
        defer { try? FileManager.default.removeItem(at: broken) }
        var ids: [Int] = []
        await #expect(throws: WXR.ReadError.self) {
            for try await batch in WXRBatches.stream(contentsOf: broken, batchSize: 10) { ids += Self.postIDs(batch) }
        }
        #expect(ids == Array(1...29), "the whole batches read before the problem: the site and 29 posts")
    }
}
