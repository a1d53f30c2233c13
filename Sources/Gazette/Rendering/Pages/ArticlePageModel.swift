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
