/// What an export wrote, for the line `gazette export` prints.
public struct ExportSummary: Sendable, Equatable {
    public var articles = 0
    public var pages = 0
    public var comments = 0
    public var people = 0
}
