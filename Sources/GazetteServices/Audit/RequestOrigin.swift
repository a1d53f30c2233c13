/// Where the work being done was asked for: the client's address for a newsroom request, set once by
/// `RequestOriginMiddleware`, so the audit log can name it without every handler passing it down.
/// Outside a request (a `gazette` command, the scheduler) it is nil.
public enum RequestOrigin {
    @TaskLocal public static var address: String?

    /// What the audit log shows when there is no client.
    public static let commandLine = "command line"
}
