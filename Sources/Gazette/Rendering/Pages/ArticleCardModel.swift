import Mustache

/// An article in a list: headline, teaser, byline, date and picture.
struct ArticleCardModel: Sendable {
    let title: String
    let url: String
    let dek: String?
    let excerpt: String?
    let author: LinkModel
    let published: DateModel
    let category: LinkModel?
    let source: LinkModel?
    let image: ImageModel?
    /// "3 comments", or nil when there are none.
    let commentsText: String?
    let commentsURL: String
}

/// Links to the pages before and after this one.
struct PagerModel: Sendable {
    let newerURL: String?
    let olderURL: String?
    let label: String
}

extension ArticleCardModel: MustacheParent {
    func child(named name: String) -> Any? {
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

extension PagerModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "newerURL": self.newerURL
        case "olderURL": self.olderURL
        case "label": self.label
        default: nil
        }
    }
}
