import Mustache

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

extension ListPageModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "site": self.site
        case "head": self.head
        case "heading": self.heading
        case "intro": self.intro
        case "isFrontPage": self.isFrontPage
        case "articles": self.articles
        case "pager": self.pager
        case "emptyMessage": self.emptyMessage
        case "portrait": self.portrait
        default: nil
        }
    }
}
