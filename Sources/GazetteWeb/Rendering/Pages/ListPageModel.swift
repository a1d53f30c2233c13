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
    /// On a tag, section or author page, the subscribe form also offers that topic.
    package var subscribeTopic: SubscribeTopicModel? = nil
}

/// A topic the subscribe form offers beside the whole site ("Category: World").
package struct SubscribeTopicModel: Sendable {
    package let value: String
    package let label: String
}

extension SubscribeTopicModel: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "topicValue": value
        case "topicLabel": label
        default: nil
        }
    }
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
        case "subscribeTopic": self.subscribeTopic
        default: nil
        }
    }
}
