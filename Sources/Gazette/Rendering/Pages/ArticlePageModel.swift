import Mustache

/// The article page: everything DESIGN.md §1 lists.
struct ArticlePageModel: Sendable {
    let site: SiteModel
    let head: HeadModel
    let article: ArticleModel
    let latest: [ArticleCardModel]
    let hasLatest: Bool
    let comments: CommentSectionModel?
}

struct ArticleModel: Sendable {
    let id: String
    let title: String
    let url: String
    let dek: String?
    let bodyHTML: String
    let author: LinkModel
    let authorBio: String?
    let published: DateModel
    /// Shown only when the article changed after it went out.
    let updated: DateModel?
    let corrections: [CorrectionModel]
    let hasCorrections: Bool
    let source: SourceModel?
    let category: LinkModel?
    let tags: [LinkModel]
    let hasTags: Bool
    let image: ImageModel?
    let commentsOpen: Bool
}

struct CorrectionModel: Sendable {
    let date: DateModel
    let note: String
}

/// "Source: Reuters", linked to the original when its address is known, plus the outlet's archive here.
struct SourceModel: Sendable {
    let name: String
    let originalURL: String?
    let archiveURL: String
}

extension ArticlePageModel: MustacheParent {
    func child(named name: String) -> Any? {
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
    func child(named name: String) -> Any? {
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
    func child(named name: String) -> Any? {
        switch name {
        case "date": self.date
        case "note": self.note
        default: nil
        }
    }
}

extension SourceModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "originalURL": self.originalURL
        case "archiveURL": self.archiveURL
        default: nil
        }
    }
}
