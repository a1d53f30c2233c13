import Foundation

extension ArticleDetails {
    /// The draft that saves this article unchanged: the starting point for a restore or a status change.
    public var draft: ArticleDraft {
        ArticleDraft(
            title: summary.title, slug: summary.slug.value, dek: summary.dek, bodyMarkdown: bodyMarkdown,
            bodyHTML: bodyHTML, excerpt: writtenExcerpt, status: summary.status, publishedAt: summary.publishedAt,
            authorID: authorID, category: summary.category?.name, tags: tags.map(\.name),
            sourceName: summary.source?.name, sourceURL: sourceURL, canonicalURL: canonicalURL, image: summary.image,
            corrections: corrections, commentStatus: commentStatus, bodyTrust: bodyTrust)
    }

    /// The excerpt as someone wrote it, or empty when it was made from the body (so it follows the body).
    public var writtenExcerpt: String {
        Excerpt.writtenPart(summary.excerpt, body: bodyMarkdown)
    }
}

extension Excerpt {
    /// Empty when `excerpt` is just what the body would give anyway.
    public static func writtenPart(_ excerpt: String, body: String) -> String {
        excerpt == fromMarkdown(body) ? "" : excerpt
    }
}
