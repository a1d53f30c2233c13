import GazetteContent

/// What an archive lists, once found.
public enum ArchiveSubject: Sendable {
    case tag(Tag)
    case category(GazetteContent.Category)
    case author(Byline, bio: String, portraitURL: String)
    case source(Source)
    case period(ArchivePeriod)
}

/// One page of an archive, with what it is the archive of.
public struct Archive: Sendable {
    public var subject: ArchiveSubject
    public var page: Page<ArticleSummary>
}
