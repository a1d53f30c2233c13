/// The front page and every archive: a heading that says what is listed, then the articles.
struct ListPageModel: Sendable {
    let site: SiteModel
    let head: HeadModel
    let heading: String
    /// A line under the heading ("Articles tagged …", an author's bio).
    let intro: String?
    let isFrontPage: Bool
    let articles: [ArticleCardModel]
    let pager: PagerModel?
    let emptyMessage: String
    let portrait: ImageModel?
}
