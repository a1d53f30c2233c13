import Foundation
import GazetteContent

/// The fields a create or a change sends, each nil when left out, applied onto an article's draft so a
/// change keeps every field it does not name.
struct ArticleEdits {
    var title: String?
    var status: ArticleStatus?
    var kind: ArticleKind?
    var slug: String?
    var dek: String?
    var bodyMarkdown: String?
    var excerpt: String?
    var publishedAt: Date?
    var category: String?
    var tags: [String]?
    var sourceName: String?
    var sourceURL: String?
    var canonicalURL: String?
    var image: Components.Schemas.ImageInput?
    var commentsOpen: Bool?

    init(_ input: Components.Schemas.ArticleInput) {
        title = input.title
        status = input.status.map(Self.status)
        kind = input._type.map { $0 == .page ? .page : .article }
        slug = input.slug
        dek = input.dek
        bodyMarkdown = input.bodyMarkdown
        excerpt = input.excerpt
        publishedAt = input.publishedAt
        category = input.category
        tags = input.tags
        sourceName = input.sourceName
        sourceURL = input.sourceUrl
        canonicalURL = input.canonicalUrl
        image = input.image
        commentsOpen = input.commentsOpen
    }

    init(_ changes: Components.Schemas.ArticleChanges) {
        title = changes.title
        status = changes.status.map(Self.status)
        slug = changes.slug
        dek = changes.dek
        bodyMarkdown = changes.bodyMarkdown
        excerpt = changes.excerpt
        publishedAt = changes.publishedAt
        category = changes.category
        tags = changes.tags
        sourceName = changes.sourceName
        sourceURL = changes.sourceUrl
        canonicalURL = changes.canonicalUrl
        image = changes.image
        commentsOpen = changes.commentsOpen
    }

    /// A new article's draft: what was sent, the rest empty.
    var newDraft: ArticleDraft {
        var draft = ArticleDraft(title: "", bodyMarkdown: "", authorID: 0, kind: kind ?? .article)
        apply(to: &draft)
        return draft
    }

    func apply(to draft: inout ArticleDraft) {
        if let title { draft.title = title }
        if let status { draft.status = status }
        if let slug { draft.slug = slug }
        if let dek { draft.dek = dek }
        if let bodyMarkdown { draft.bodyMarkdown = bodyMarkdown }
        if let excerpt { draft.excerpt = excerpt }
        if let publishedAt { draft.publishedAt = publishedAt }
        if let category { draft.category = category.isEmpty ? nil : category }
        if let tags { draft.tags = tags }
        if let sourceName { draft.sourceName = sourceName.isEmpty ? nil : sourceName }
        if let sourceURL { draft.sourceURL = sourceURL }
        if let canonicalURL { draft.canonicalURL = canonicalURL }
        if let image {
            draft.image =
                image.url.isEmpty
                ? nil
                : FeaturedImage(
                    url: image.url, alt: image.alt ?? "", caption: image.caption ?? "", credit: image.credit ?? "")
        }
        if let commentsOpen { draft.commentStatus = commentsOpen ? .open : .closed }
    }

    static func status(_ status: Components.Schemas.ArticleStatus) -> ArticleStatus {
        switch status {
        case .draft: .draft
        case .pending: .pending
        case .scheduled: .scheduled
        case .published: .published
        case .trashed: .trashed
        }
    }
}
