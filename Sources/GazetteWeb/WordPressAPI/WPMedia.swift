import Foundation
import GazetteContent
import GazetteServices

/// An article's featured image as WordPress's attachment shape. Gazette keeps the picture with its article,
/// not as an attachment of its own, so the attachment takes the article's id (`featured_media`).
struct WPMedia: Sendable, Encodable, Equatable {
    var id: Int64
    var date: String
    var slug: String
    var type = "attachment"
    var link: String
    var title: WPRendered
    var author: Int64
    var caption: WPRendered
    var altText: String
    var mediaType = "image"
    var mimeType: String
    var mediaDetails: [String: String] = [:]
    var sourceUrl: String
    var links: [String: [WPLink]]

    enum CodingKeys: String, CodingKey {
        case id, date, slug, type, link, title, author, caption, altText, mediaType, mimeType, mediaDetails
        case sourceUrl
        case links = "_links"
    }

    /// nil when the article has no picture.
    init?(_ article: ArticleDetails, in context: WPContext) {
        guard let image = article.summary.image else { return nil }
        let urls = context.addresses
        let summary = article.summary
        id = summary.id
        date = context.dates.local(summary.publishedAt ?? summary.updatedAt)
        slug = summary.slug.value
        link = urls.site.absolute(.article(day: summary.day, slug: summary.slug))
        title = WPRendered(HTMLText.escape(image.alt))
        author = article.authorID
        let caption = [image.caption, image.credit].filter { !$0.isEmpty }.map(HTMLText.escape)
        self.caption = WPRendered(caption.isEmpty ? "" : "<p>\(caption.joined(separator: " "))</p>\n")
        altText = image.alt
        sourceUrl = urls.absolute(image.url)
        mimeType = Self.mimeType(of: image.url)
        links = [
            "self": urls.link(urls.item("media", summary.id)),
            "collection": urls.link(urls.collection("media")),
        ]
    }

    /// From the address's extension: the picture itself may live on another server.
    private static func mimeType(of address: String) -> String {
        let path = address.split(separator: "?").first.map(String.init) ?? address
        switch (path as NSString).pathExtension.lowercased() {
        case "png": return "image/png"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "svg": return "image/svg+xml"
        default: return "image/jpeg"
        }
    }
}
