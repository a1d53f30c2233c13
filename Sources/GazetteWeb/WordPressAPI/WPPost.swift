import Foundation
import GazetteContent
import GazetteServices

/// A post or page in WordPress's shape (`wp/v2/posts`, `wp/v2/pages`, view context). Pages carry `parent`,
/// `menuOrder` and `template` instead of `categories`, `tags`, `sticky` and `format`, as in WordPress.
struct WPPost: Sendable, Encodable {
    var id: Int64
    var date: String
    var dateGmt: String
    var guid: WPRendered
    var modified: String
    var modifiedGmt: String
    var slug: String
    var status = "publish"
    var type: String
    var link: String
    var title: WPRendered
    var content: WPRendered
    var excerpt: WPRendered
    var author: Int64
    var featuredMedia: Int64
    var commentStatus: String
    var pingStatus = "closed"
    var sticky: Bool?
    var template = ""
    var format: String?
    var meta: [String] = []
    var categories: [Int64]?
    var tags: [Int64]?
    var parent: Int64?
    var menuOrder: Int?
    var _links: [String: [WPLink]]
    var _embedded: WPPostEmbeds?

    init(_ article: ArticleDetails, kind: ArticleKind, in context: WPContext) {
        let summary = article.summary
        let dates = context.dates
        let urls = context.addresses
        let published = summary.publishedAt ?? summary.updatedAt
        let collection = kind == .page ? "pages" : "posts"
        id = summary.id
        date = dates.local(published)
        dateGmt = dates.gmt(published)
        // The same short address the WXR export writes as each item's guid.
        guid = WPRendered(urls.site.absolute(path: SiteURL.home) + "?p=\(summary.id)")
        // An article is never older than its publication, as readers see it (an import may say otherwise).
        let changed = max(summary.updatedAt, published)
        modified = dates.local(changed)
        modifiedGmt = dates.gmt(changed)
        slug = summary.slug.value
        type = kind == .page ? "page" : "post"
        link = urls.site.absolute(.article(day: summary.day, slug: summary.slug))
        title = WPRendered(HTMLText.escape(summary.title))
        content = WPRendered(article.bodyHTML, protected: false)
        excerpt = WPRendered(Self.excerpt(summary), protected: false)
        author = article.authorID
        featuredMedia = summary.image == nil ? 0 : summary.id
        commentStatus = article.commentStatus.rawValue
        if kind == .page {
            parent = 0
            menuOrder = 0
        } else {
            sticky = false
            format = "standard"
            categories = summary.category.map { [$0.id] } ?? []
            tags = article.tags.map(\.id)
        }
        _links = Self.links(article, collection: collection, urls: urls)
    }

    /// The dek or the excerpt, as a paragraph: WordPress's excerpts are HTML.
    private static func excerpt(_ summary: ArticleSummary) -> String {
        let text = summary.excerpt.isEmpty ? summary.dek : summary.excerpt
        return text.isEmpty ? "" : "<p>\(HTMLText.escape(text))</p>\n"
    }

    private static func links(
        _ article: ArticleDetails, collection: String, urls: WPAddresses
    ) -> [String: [WPLink]] {
        let id = article.summary.id
        var links: [String: [WPLink]] = [
            "self": urls.link(urls.item(collection, id)),
            "collection": urls.link(urls.collection(collection)),
            "about": urls.link(urls.collection("types") + "/" + (collection == "pages" ? "page" : "post")),
            "author": urls.link(urls.item("users", article.authorID), embeddable: true),
            "replies": urls.link(urls.collection("comments") + "?post=\(id)"),
        ]
        if article.summary.image != nil {
            links["wp:featuredmedia"] = urls.link(urls.item("media", id), embeddable: true)
        }
        if collection == "posts" {
            links["wp:term"] = [
                WPLink(href: urls.collection("categories") + "?post=\(id)", embeddable: true, taxonomy: "category"),
                WPLink(href: urls.collection("tags") + "?post=\(id)", embeddable: true, taxonomy: "post_tag"),
            ]
        }
        return links
    }
}

/// `_embedded` of a post: its author, its featured image and its terms (`[[categories], [tags]]`).
struct WPPostEmbeds: Sendable, Encodable {
    var author: [WPUser]?
    var featuredMedia: [WPMedia]?
    var terms: [[WPTerm]]?

    enum CodingKeys: String, CodingKey {
        case author
        case featuredMedia = "wp:featuredmedia"
        case terms = "wp:term"
    }
}
