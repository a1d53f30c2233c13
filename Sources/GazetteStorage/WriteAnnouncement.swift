/// A notification sent from inside the write transactions of the current task, just before they commit, so
/// other instances hear of a change exactly when it becomes visible, and even if this process dies right after
/// committing. PostgreSQL delivers a NOTIFY at commit and drops it on rollback; SQLite has no such channel and
/// ignores it.
public enum WriteAnnouncement {
    public struct Message: Sendable {
        public var channel: String
        public var payload: String

        public init(channel: String, payload: String) {
            self.channel = channel
            self.payload = payload
        }
    }

    @TaskLocal public static var current: Message?
}
