import Foundation
import GazetteContent
import GazetteServices
import GazetteStorage

/// A category or tag in WordPress's shape. Embedded in a post it has WordPress's embed fields only (id,
/// link, name, slug, taxonomy), which is all a post knows of its terms without another query.
struct WPTerm: Sendable, Encodable, Equatable {
    var id: Int64
    var count: Int?
    var description: String?
    var link: String
    var name: String
    var slug: String
    var taxonomy: String
    var parent: Int64?
    var meta: [String]?
    var links: [String: [WPLink]]

    enum CodingKeys: String, CodingKey {
        case id, count, description, link, name, slug, taxonomy, parent, meta
        case links = "_links"
    }

    /// A term of a list or of `…/categories/{id}`, with its count of published articles.
    init(_ term: TermListing, kind: TermStore.ListedKind, in context: WPContext) {
        let slug = term.slug
        self.init(id: term.id, name: term.name, slug: slug, kind: kind, in: context)
        count = term.count
        description = ""
        meta = []
        if case .categories = kind { parent = term.parentID ?? 0 }
    }

    /// A term as a post embeds it.
    init(id: Int64, name: String, slug: Slug, kind: TermStore.ListedKind, in context: WPContext) {
        let urls = context.addresses
        let collection = kind == .tags ? "tags" : "categories"
        self.id = id
        link = urls.site.absolute(path: kind == .tags ? urls.site.tag(slug) : urls.site.category(slug))
        self.name = name
        self.slug = slug.value
        taxonomy = kind == .tags ? "post_tag" : "category"
        links = [
            "self": urls.link(urls.item(collection, id)),
            "collection": urls.link(urls.collection(collection)),
            "about": urls.link(urls.collection("taxonomies") + "/" + taxonomy),
            "wp:post_type": urls.link(urls.collection("posts") + "?\(collection)=\(id)"),
        ]
    }
}
