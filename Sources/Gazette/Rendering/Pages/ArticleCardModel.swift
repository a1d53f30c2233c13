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
