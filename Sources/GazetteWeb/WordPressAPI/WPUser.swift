import Foundation
import GazetteContent
import GazetteServices

/// A person in WordPress's public shape: id, name, url, description, link, slug, avatar_urls. Built from
/// `PublicAuthor`, which holds no email or role, so neither can appear here.
struct WPUser: Sendable, Encodable, Equatable {
    var id: Int64
    var name: String
    /// The person's own website in WordPress; Gazette keeps none.
    var url = ""
    var description: String
    var link: String
    var slug: String
    /// The portrait in WordPress's three sizes (the same picture); empty without a portrait. WordPress would
    /// fall back to a Gravatar, an address made from the email: that would let anyone test an email.
    var avatarUrls: [String: String]
    var meta: [String] = []
    var links: [String: [WPLink]]

    enum CodingKeys: String, CodingKey {
        case id, name, url, description, link, slug, avatarUrls, meta
        case links = "_links"
    }

    init(_ author: PublicAuthor, in context: WPContext) {
        let urls = context.addresses
        id = author.id
        name = author.name
        description = author.bio
        link = urls.site.absolute(path: urls.site.author(author.slug))
        slug = author.slug.value
        let portrait = urls.absolute(author.avatarURL)
        avatarUrls = author.avatarURL.isEmpty ? [:] : ["24": portrait, "48": portrait, "96": portrait]
        links = [
            "self": urls.link(urls.item("users", author.id)),
            "collection": urls.link(urls.collection("users")),
        ]
    }
}
