import Foundation

/// Everything an editor, an importer or the API supplies to create or update an article.
///
/// `validated(now:)` checks the fields and fills in what can be derived (slug, excerpt, dates), so the
/// store only ever receives an article that follows the rules.
public struct ArticleDraft: Sendable, Equatable {
    public var title: String
    /// Leave nil to derive the slug from the title.
    public var slug: String?
    public var dek: String
    public var bodyMarkdown: String
    /// Filled in by the publishing service, which owns Markdown rendering; `validated` cleans it by `bodyTrust`.
    public var bodyHTML: String
    /// Who wrote the body decides what its HTML may keep; text of unknown origin is untrusted.
    public var bodyTrust: HTMLTrust
    public var excerpt: String
    public var status: ArticleStatus
    public var publishedAt: Date?
    public var authorID: Int64
    public var category: String?
    public var tags: [String]
    /// The outlet's name for a syndicated article ("Reuters").
    public var sourceName: String?
    /// The original article at the outlet.
    public var sourceURL: String
    public var canonicalURL: String
    public var image: FeaturedImage?
    public var corrections: [Correction]
    public var commentStatus: CommentStatus
    /// Set when the piece is created; a later save keeps the kind it has.
    public var kind: ArticleKind

    public init(
        title: String, slug: String? = nil, dek: String = "", bodyMarkdown: String, bodyHTML: String = "",
        excerpt: String = "", status: ArticleStatus = .draft, publishedAt: Date? = nil, authorID: Int64,
        category: String? = nil, tags: [String] = [], sourceName: String? = nil, sourceURL: String = "",
        canonicalURL: String = "", image: FeaturedImage? = nil, corrections: [Correction] = [],
        commentStatus: CommentStatus = .open, kind: ArticleKind = .article, bodyTrust: HTMLTrust = .untrusted
    ) {
        self.title = title
        self.slug = slug
        self.dek = dek
        self.bodyMarkdown = bodyMarkdown
        self.bodyHTML = bodyHTML
        self.excerpt = excerpt
        self.status = status
        self.publishedAt = publishedAt
        self.authorID = authorID
        self.category = category
        self.tags = tags
        self.sourceName = sourceName
        self.sourceURL = sourceURL
        self.canonicalURL = canonicalURL
        self.image = image
        self.corrections = corrections
        self.commentStatus = commentStatus
        self.kind = kind
        self.bodyTrust = bodyTrust
    }

    /// Checks every field at once and returns the article ready to store, its body HTML cleaned for its trust:
    /// every way into the store passes here, so no path can store script.
    public func validated(now: Date) throws(ValidationErrors) -> ValidArticle {
        var errors = ValidationErrors()
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty {
            errors.add("title", "Every article needs a headline.")
        } else if title.count > Limits.titleLength {
            errors.add("title", "The headline is too long: at most \(Limits.titleLength) characters.")
        }
        // Derived from the headline only when no slug is given (transliterating is the costly part).
        var slug = Slug(trusted: "article")
        if let given = self.slug?.trimmingCharacters(in: .whitespaces), !given.isEmpty {
            if let parsed = Slug(validating: given) { slug = parsed } else { errors.add("slug", Slug.rulesMessage) }
        } else {
            slug = Slug(from: title, fallback: "article")
        }
        let dek = dek.trimmingCharacters(in: .whitespacesAndNewlines)
        if dek.count > Limits.dekLength {
            errors.add("dek", "The dek is too long: at most \(Limits.dekLength) characters.")
        }
        if bodyMarkdown.count > Limits.bodyLength {
            errors.add("body", "The body is too long: at most \(Limits.bodyLength) characters.")
        }
        var excerpt = excerpt.trimmingCharacters(in: .whitespacesAndNewlines)
        if excerpt.count > Limits.excerptLength {
            errors.add("excerpt", "The excerpt is too long: at most \(Limits.excerptLength) characters.")
        }
        if excerpt.isEmpty { excerpt = Excerpt.fromMarkdown(bodyMarkdown) }
        let category = self.category.flatMap { NamedTerm(name: $0) }
        if let name = self.category, !name.trimmingCharacters(in: .whitespaces).isEmpty, category == nil {
            errors.add("category", "The category “\(name)” has no letters or digits to build its address from.")
        }
        var tags: [NamedTerm] = []
        for name in self.tags where !name.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let term = NamedTerm(name: name) else {
                errors.add("tags", "The tag “\(name)” has no letters or digits to build its address from.")
                continue
            }
            if !tags.contains(where: { $0.slug == term.slug }) { tags.append(term) }
        }
        if tags.count > Limits.tagsPerArticle {
            errors.add("tags", "Too many tags: at most \(Limits.tagsPerArticle).")
        }
        let source = self.sourceName.flatMap { NamedTerm(name: $0) }
        for (field, value) in [("source_url", sourceURL), ("canonical_url", canonicalURL)] where !value.isEmpty {
            if !WebAddress.isHTTP(value) {
                errors.add(field, "“\(value)” is not a web address (it should start with https:// or http://).")
            }
        }
        if !sourceURL.isEmpty && source == nil {
            errors.add("source", "Name the outlet the original comes from, so readers see “Source: …”.")
        }
        if let image {
            // A site path, but not `//host/…`, which browsers read as another site's address.
            let isSitePath = image.url.hasPrefix("/") && !image.url.hasPrefix("//") && !image.url.contains("\\")
            if !WebAddress.isHTTP(image.url) && !isSitePath {
                errors.add("image", "The image address “\(image.url)” should start with https://, http:// or /.")
            }
            if image.alt.trimmingCharacters(in: .whitespaces).isEmpty {
                errors.add("image_alt", "Describe the image in its alternative text, for readers who cannot see it.")
            }
        }
        if status == .scheduled && (publishedAt ?? .distantPast) <= now {
            errors.add("published_at", "A scheduled article needs a publication time in the future.")
        }
        try errors.throwIfAny()
        let publishedAt: Date? =
            switch status {
            case .published: self.publishedAt ?? now
            case .scheduled: self.publishedAt
            case .draft, .pending, .trashed: self.publishedAt
            }
        return ValidArticle(
            title: title, slug: slug, dek: dek, bodyMarkdown: bodyMarkdown,
            bodyHTML: HTMLSanitizer.clean(bodyHTML, trust: bodyTrust), bodyTrust: bodyTrust, excerpt: excerpt,
            status: status, publishedAt: publishedAt, authorID: authorID, category: category, tags: tags,
            source: source, sourceURL: sourceURL, canonicalURL: canonicalURL, image: image,
            corrections: corrections.sorted { $0.notedAt < $1.notedAt }, commentStatus: commentStatus, kind: kind)
    }
}

/// An article that passed validation: the only shape the store accepts for writing.
public struct ValidArticle: Sendable, Equatable {
    public var title: String
    public var slug: Slug
    public var dek: String
    public var bodyMarkdown: String
    public var bodyHTML: String
    public var bodyTrust: HTMLTrust
    public var excerpt: String
    public var status: ArticleStatus
    public var publishedAt: Date?
    public var authorID: Int64
    public var category: NamedTerm?
    public var tags: [NamedTerm]
    public var source: NamedTerm?
    public var sourceURL: String
    public var canonicalURL: String
    public var image: FeaturedImage?
    public var corrections: [Correction]
    public var commentStatus: CommentStatus
    public var kind: ArticleKind
}
