/// Lets one task at a time through, in arrival order; SQLite has exactly one writer.
actor SerialGate {
    private var isBusy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        if !isBusy {
            isBusy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func leave() {
        if waiters.isEmpty {
            isBusy = false
        } else {
            waiters.removeFirst().resume()
        }
    }

    /// Runs `work` alone, releasing the gate whether it succeeds or throws.
    func run<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
        await enter()
        defer { leave() }
        return try await work()
    }
}
