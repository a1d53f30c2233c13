/// One call on the database as an observer sees it: what kind, how long it waited for a connection (or for the
/// SQLite writer), how long it took in all, and whether it failed.
public struct DatabaseCall: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case read, write
    }

    public var kind: Kind
    public var waited: Duration
    public var total: Duration
    public var failed: Bool

    public init(kind: Kind, waited: Duration, total: Duration, failed: Bool) {
        self.kind = kind
        self.waited = waited
        self.total = total
        self.failed = failed
    }
}

/// Told of every database call, for metrics. Called on the caller's task after the call: keep it quick.
public protocol DatabaseObserver: Sendable {
    func observe(_ call: DatabaseCall)
}
