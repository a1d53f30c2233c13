import Mustache

/// The article page: everything DESIGN.md §1 lists.
package struct ArticlePageModel: SitePage {
    package let site: SiteModel
    package let head: HeadModel
    package let article: ArticleModel
    package let latest: [ArticleCardModel]
    package let hasLatest: Bool
    package let comments: CommentSectionModel?
}

package struct ArticleModel: Sendable {
    package let id: String
    package let title: String
    package let url: String
    package let dek: String?
    package let bodyHTML: String
    package let author: LinkModel
    package let authorBio: String?
    package let published: DateModel
    /// Shown only when the article changed after it went out.
    package let updated: DateModel?
    package let corrections: [CorrectionModel]
    package let hasCorrections: Bool
    package let source: SourceModel?
    package let category: LinkModel?
    package let tags: [LinkModel]
    package let hasTags: Bool
    package let image: ImageModel?
    package let commentsOpen: Bool
}

package struct CorrectionModel: Sendable {
    package let date: DateModel
    package let note: String
}

/// "Source: Reuters", linked to the original when its address is known, plus the outlet's archive here.
package struct SourceModel: Sendable {
    package let name: String
    package let originalURL: String?
    package let archiveURL: String
}

extension ArticlePageModel: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "site": self.site
        case "head": self.head
        case "article": self.article
        case "latest": self.latest
        case "hasLatest": self.hasLatest
        case "comments": self.comments
        default: nil
        }
    }
}

extension ArticleModel: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "title": self.title
        case "url": self.url
        case "dek": self.dek
        case "bodyHTML": self.bodyHTML
        case "author": self.author
        case "authorBio": self.authorBio
        case "published": self.published
        case "updated": self.updated
        case "corrections": self.corrections
        case "hasCorrections": self.hasCorrections
        case "source": self.source
        case "category": self.category
        case "tags": self.tags
        case "hasTags": self.hasTags
        case "image": self.image
        case "commentsOpen": self.commentsOpen
        default: nil
        }
    }
}

extension CorrectionModel: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "date": self.date
        case "note": self.note
        default: nil
        }
    }
}

extension SourceModel: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "originalURL": self.originalURL
        case "archiveURL": self.archiveURL
        default: nil
        }
    }
}
