/// Which archive is meant, by the slugs or dates in its address: a plain value the addresses, the feeds and
/// the reader's lookups share, whatever each then finds for it.
public enum ArchiveKey: Sendable, Hashable {
    case tag(Slug)
    case category(Slug)
    case author(Slug)
    case source(Slug)
    case period(ArchivePeriod)
}
