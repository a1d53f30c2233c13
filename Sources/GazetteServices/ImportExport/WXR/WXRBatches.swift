import Foundation

/// Hands a WordPress export to async code in batches of entries, read on a thread of its own.
///
/// The reader is synchronous (XMLParser calls back as it goes) and a database write is async, so the
/// reading thread hands batches over and waits whenever it is `depth` batches ahead of the writer: memory
/// holds at most `depth + 1` batches however large the file. When the consumer stops early, the reading
/// stops too.
package enum WXRBatches {
    /// The batches of the file at `url`. Ends with `WXR.ReadError` when the file turns out not to be a
    /// readable export, after the batches read before the problem. `produced` (with the number of batches
    /// handed over so far) and `ended` (when the reading thread is done) are for tests and progress.
    package static func stream(
        contentsOf url: URL, batchSize: Int = 200, depth: Int = 2, produced: (@Sendable (Int) -> Void)? = nil,
        ended: (@Sendable () -> Void)? = nil
    ) -> Batches {
        let (stream, continuation) = AsyncThrowingStream<[WXR.Entry], any Error>.makeStream()
        let gate = Gate(depth: depth)
        continuation.onTermination = { _ in gate.stop() }
        let thread = Thread {
            defer { ended?() }
            var batch: [WXR.Entry] = []
            var count = 0
            func handOver() throws {
                guard gate.waitForRoom() else { throw Stopped() }
                count += 1
                produced?(count)
                continuation.yield(batch)
                batch = []
            }
            do {
                try WXRReader.read(contentsOf: url) { entry in
                    batch.append(entry)
                    if batch.count >= batchSize { try handOver() }
                }
                if !batch.isEmpty { try handOver() }
                continuation.finish()
            } catch is Stopped {
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        thread.name = "gazette-wxr-reader"
        thread.start()
        return Batches(stream: stream, gate: gate)
    }

    /// The batches, in file order; taking one lets the reading thread go on.
    package struct Batches: AsyncSequence {
        package let stream: AsyncThrowingStream<[WXR.Entry], any Error>
        package let gate: Gate

        package struct AsyncIterator: AsyncIteratorProtocol {
            package var base: AsyncThrowingStream<[WXR.Entry], any Error>.AsyncIterator
            package let gate: Gate

            package mutating func next() async throws -> [WXR.Entry]? {
                let batch = try await base.next()
                if batch != nil { gate.taken() }
                return batch
            }
        }

        package func makeAsyncIterator() -> AsyncIterator {
            AsyncIterator(base: stream.makeAsyncIterator(), gate: gate)
        }
    }

    private struct Stopped: Error {}

    /// Counts the batches handed over and not yet taken; the reading thread waits while there are `depth`.
    package final class Gate: @unchecked Sendable {
        private let condition = NSCondition()
        private var waiting = 0
        private var stopped = false
        private let depth: Int

        package init(depth: Int) {
            self.depth = max(1, depth)
        }

        /// Blocks the reading thread until a batch may be handed over; false once the consumer is gone.
        package func waitForRoom() -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while waiting >= depth && !stopped { condition.wait() }
            guard !stopped else { return false }
            waiting += 1
            return true
        }

        /// A batch was taken by the consumer.
        package func taken() {
            condition.lock()
            waiting -= 1
            condition.signal()
            condition.unlock()
        }

        package func stop() {
            condition.lock()
            stopped = true
            condition.broadcast()
            condition.unlock()
        }
    }
}
