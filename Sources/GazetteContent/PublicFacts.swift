/// A tag, category or source with how many published articles it files.
public struct TermCount: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var slug: Slug
    /// A source's own site; empty for tags and categories.
    public var home: String
    public var articleCount: Int

    public init(id: Int64, name: String, slug: Slug, home: String, articleCount: Int) {
        self.id = id
        self.name = name
        self.slug = slug
        self.home = home
        self.articleCount = articleCount
    }
}
