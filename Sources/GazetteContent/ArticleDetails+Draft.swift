import Foundation

extension ArticleDetails {
    /// The draft that saves this article unchanged: the starting point for a restore or a status change.
    public var draft: ArticleDraft {
        ArticleDraft(
            title: summary.title, slug: summary.slug.value, dek: summary.dek, bodyMarkdown: bodyMarkdown,
            bodyHTML: bodyHTML, excerpt: summary.excerpt, status: summary.status, publishedAt: summary.publishedAt,
            authorID: authorID, category: summary.category?.name, tags: tags.map(\.name),
            sourceName: summary.source?.name, sourceURL: sourceURL, canonicalURL: canonicalURL, image: summary.image,
            corrections: corrections, commentStatus: commentStatus)
    }
}
