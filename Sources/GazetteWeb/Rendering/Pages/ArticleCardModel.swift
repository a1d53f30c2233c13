import Mustache

/// An article in a list: headline, teaser, byline, date and picture.
package struct ArticleCardModel: Sendable {
    package let title: String
    package let url: String
    package let dek: String?
    package let excerpt: String?
    package let author: LinkModel
    package let published: DateModel
    package let category: LinkModel?
    package let source: LinkModel?
    package let image: ImageModel?
    /// "3 comments", or nil when there are none.
    package let commentsText: String?
    package let commentsURL: String
}

/// Links to the pages before and after this one.
extension ArticleCardModel: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "dek": self.dek
        case "excerpt": self.excerpt
        case "author": self.author
        case "published": self.published
        case "category": self.category
        case "source": self.source
        case "image": self.image
        case "commentsText": self.commentsText
        case "commentsURL": self.commentsURL
        default: nil
        }
    }
}
