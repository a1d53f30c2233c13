import Foundation

extension ArticleDetails {
    /// The page an unsaved draft would make, built from the draft alone (nothing is looked up or stored), so
    /// a preview shows the headline, dek, byline, image, source and corrections as readers would see them.
    /// The body HTML is cleaned for the draft's trust here too.
    public static func preview(
        of draft: ArticleDraft, id: Int64, byline: Byline, authorBio: String, now: Date, timeZone: TimeZone
    ) -> ArticleDetails {
        let title = draft.title.trimmingCharacters(in: .whitespacesAndNewlines)
        let shownAt = draft.publishedAt ?? now
        let slug = Slug(from: draft.slug ?? "") ?? Slug(from: title, fallback: "preview")
        let excerpt = draft.excerpt.isEmpty ? Excerpt.fromMarkdown(draft.bodyMarkdown) : draft.excerpt
        let summary = ArticleSummary(
            id: id, title: title.isEmpty ? "(No headline yet)" : title, slug: slug,
            day: PublicationDay(date: shownAt, timeZone: timeZone), dek: draft.dek, excerpt: excerpt,
            status: draft.status, publishedAt: shownAt, updatedAt: shownAt, byline: byline,
            category: draft.category.flatMap(NamedTerm.init(name:)).map {
                Category(id: 0, name: $0.name, slug: $0.slug)
            },
            source: draft.sourceName.flatMap(NamedTerm.init(name:)).map {
                Source(id: 0, name: $0.name, slug: $0.slug, url: draft.sourceURL)
            },
            image: draft.image)
        var seen = Set<Slug>()
        let tags = draft.tags.compactMap(NamedTerm.init(name:)).filter { seen.insert($0.slug).inserted }.map {
            Tag(id: 0, name: $0.name, slug: $0.slug)
        }
        return ArticleDetails(
            summary: summary, bodyMarkdown: draft.bodyMarkdown,
            bodyHTML: HTMLSanitizer.clean(draft.bodyHTML, trust: draft.bodyTrust), authorBio: authorBio, tags: tags,
            corrections: draft.corrections.sorted { $0.notedAt < $1.notedAt }, sourceURL: draft.sourceURL,
            canonicalURL: "", commentStatus: draft.commentStatus, revision: 0, authorID: draft.authorID,
            bodyTrust: draft.bodyTrust)
    }
}
