import Foundation
import Synchronization

/// Runs work with a deadline of its own. postgres-nio was seen to wait forever (over five minutes) on a query
/// whose connection died; cancelling such a query does not end it either. So the work runs in a task of its
/// own, and the caller gets `StorageError.unavailable` at the deadline whether or not that task has ended; the
/// task is cancelled and left to finish when its connection finally fails.
enum Deadline {
    static func run<T: Sendable>(
        seconds: Double, _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let outcome = Outcome<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                outcome.start(continuation)
                let worker = Task {
                    do {
                        outcome.finish(with: .success(try await work()))
                    } catch {
                        outcome.finish(with: .failure(error))
                    }
                }
                let timer = Task {
                    try? await Task.sleep(for: .seconds(seconds))
                    guard !Task.isCancelled else { return }
                    let message = "The database did not answer within \(Self.describe(seconds))."
                    if outcome.finish(with: .failure(StorageError.unavailable(message))) { worker.cancel() }
                }
                outcome.onFinish { timer.cancel() }
            }
        } onCancel: {
            outcome.finish(with: .failure(CancellationError()))
        }
    }

    private static func describe(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? "\(Int(seconds)) seconds" : "\(seconds) seconds"
    }

    /// Resumes the caller once: with the work's result or the deadline's failure, whichever comes first.
    private final class Outcome<T: Sendable>: Sendable {
        private struct State {
            var continuation: CheckedContinuation<T, any Error>?
            var early: Result<T, any Error>?
            var done = false
            var cleanup: (@Sendable () -> Void)?
        }
        private let state = Mutex(State())

        func start(_ continuation: CheckedContinuation<T, any Error>) {
            let early = state.withLock { state -> Result<T, any Error>? in
                guard let early = state.early else {
                    state.continuation = continuation
                    return nil
                }
                return early
            }
            if let early { continuation.resume(with: early) }
        }

        func onFinish(_ cleanup: @escaping @Sendable () -> Void) {
            let runNow = state.withLock { state -> Bool in
                if state.done { return true }
                state.cleanup = cleanup
                return false
            }
            if runNow { cleanup() }
        }

        /// True when this call decided the outcome.
        @discardableResult
        func finish(with result: Result<T, any Error>) -> Bool {
            typealias Decision = (
                decided: Bool, continuation: CheckedContinuation<T, any Error>?, cleanup: (@Sendable () -> Void)?
            )
            let decision = state.withLock { state -> Decision in
                guard !state.done else { return (false, nil, nil) }
                state.done = true
                let continuation = state.continuation
                state.continuation = nil
                if continuation == nil { state.early = result }
                return (true, continuation, state.cleanup)
            }
            guard decision.decided else { return false }
            decision.continuation?.resume(with: result)
            decision.cleanup?()
            return true
        }
    }
}
