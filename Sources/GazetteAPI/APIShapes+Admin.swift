import Foundation
import GazetteContent
import GazetteServices

extension APIShapes {
    func adminArticle(_ details: ArticleDetails) -> Components.Schemas.AdminArticle {
        let summary = details.summary
        let path = site.article(summary)
        return Components.Schemas.AdminArticle(
            id: summary.id, _type: summary.kind == .page ? .page : .article, status: status(summary.status),
            title: summary.title, slug: summary.slug.value, dek: summary.dek, bodyMarkdown: details.bodyMarkdown,
            bodyHtml: details.bodyHTML, excerpt: summary.excerpt, path: path,
            url: summary.status == .published ? site.absolute(path: path) : nil, publishedAt: summary.publishedAt,
            updatedAt: summary.updatedAt, revision: details.revision, author: byline(summary.byline),
            category: summary.category?.name, tags: details.tags.map(\.name), sourceName: summary.source?.name,
            sourceUrl: details.sourceURL.isEmpty ? nil : details.sourceURL,
            canonicalUrl: details.canonicalURL.isEmpty ? nil : details.canonicalURL, image: summary.image.map(image),
            corrections: details.corrections.map { .init(notedAt: $0.notedAt, note: $0.note) },
            commentsOpen: details.commentStatus == .open)
    }

    func adminCard(_ summary: ArticleSummary) -> Components.Schemas.AdminArticleCard {
        Components.Schemas.AdminArticleCard(
            id: summary.id, _type: summary.kind == .page ? .page : .article, status: status(summary.status),
            title: summary.title, slug: summary.slug.value, path: site.article(summary),
            publishedAt: summary.publishedAt, updatedAt: summary.updatedAt, author: byline(summary.byline))
    }

    /// A comment for moderators: its email is theirs to see, its network address stays in the newsroom.
    func adminComment(_ comment: Comment) -> Components.Schemas.AdminComment {
        Components.Schemas.AdminComment(
            id: comment.id, articleId: comment.articleID, parentId: comment.parentID,
            status: Components.Schemas.ModerationStatus(rawValue: comment.status.rawValue) ?? .pending,
            authorName: comment.authorName, authorEmail: comment.authorEmail,
            authorUrl: comment.authorURL.isEmpty ? nil : comment.authorURL, date: comment.createdAt,
            contentHtml: CommentText.html(comment.body), spamReasons: comment.spamReasons)
    }

    func person(_ author: Author, withEmail: Bool) -> Components.Schemas.Person {
        Components.Schemas.Person(
            id: author.id, name: author.name, slug: author.slug.value,
            role: Components.Schemas.Person.RolePayload(rawValue: author.role.rawValue) ?? .contributor,
            email: withEmail ? author.email : nil)
    }

    private func byline(_ byline: Byline) -> Components.Schemas.Link {
        Components.Schemas.Link(
            id: byline.id, name: byline.name, slug: byline.slug.value,
            url: site.absolute(path: site.author(byline.slug)))
    }

    private func status(_ status: ArticleStatus) -> Components.Schemas.ArticleStatus {
        Components.Schemas.ArticleStatus(rawValue: status.rawValue) ?? .draft
    }
}
