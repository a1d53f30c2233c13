import Mustache

/// The front page and every archive: a heading that says what is listed, then the articles.
package struct ListPageModel: SitePage {
    package let site: SiteModel
    package let head: HeadModel
    package let heading: String
    /// A line under the heading ("Articles tagged …", an author's bio).
    package let intro: String?
    package let isFrontPage: Bool
    package let articles: [ArticleCardModel]
    package let pager: PagerModel?
    package let emptyMessage: String
    package let portrait: ImageModel?
}

extension ListPageModel: MustacheParent {
    package func child(named name: String) -> Any? {
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
