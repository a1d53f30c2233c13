/// A label that groups articles across sections ("elections", "climate").
public struct Tag: Sendable, Equatable, Hashable, Identifiable {
    public var id: Int64
    public var name: String
    public var slug: Slug

    public init(id: Int64, name: String, slug: Slug) {
        self.id = id
        self.name = name
        self.slug = slug
    }
}

/// The one section an article belongs to ("Politics", "Sport").
public struct Category: Sendable, Equatable, Hashable, Identifiable {
    public var id: Int64
    public var name: String
    public var slug: Slug

    public init(id: Int64, name: String, slug: Slug) {
        self.id = id
        self.name = name
        self.slug = slug
    }
}

/// The outlet a syndicated article comes from, shown as "Source: <name>" with its own archive.
public struct Source: Sendable, Equatable, Hashable, Identifiable {
    public var id: Int64
    public var name: String
    public var slug: Slug
    /// The outlet's home page, when known.
    public var url: String

    public init(id: Int64, name: String, slug: Slug, url: String) {
        self.id = id
        self.name = name
        self.slug = slug
        self.url = url
    }
}

/// A name as a person typed it, paired with the slug its archive lives at.
public struct NamedTerm: Sendable, Equatable, Hashable {
    public var name: String
    public var slug: Slug

    /// Makes a term from a name; nil when the name has nothing to build a slug from.
    public init?(name: String) {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, let slug = Slug(from: trimmed) else { return nil }
        self.name = trimmed
        self.slug = slug
    }

    public init(name: String, slug: Slug) {
        self.name = name
        self.slug = slug
    }
}
