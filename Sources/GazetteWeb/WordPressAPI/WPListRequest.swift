import Foundation
import GazetteContent
import GazetteStorage
import Hummingbird

/// What every WordPress collection accepts: `page`, `per_page`, `search`, `include`, `exclude`, `slug`,
/// `order`, `orderby` and `context`, read into a page request and a listing query.
struct WPListRequest: Sendable {
    var page: Int
    var perPage: Int
    var query: ListingQuery
    var parameters: WPParameters
    var shape: WPShape

    /// The orders WordPress names for a collection, each mapped to one Gazette sorts by; WordPress's other
    /// values are accepted and give the collection's natural order, so no client is refused for asking.
    init(
        _ request: Request, orders: [String: ListingOrder], defaultOrderBy: String, defaultAscending: Bool
    ) throws(WPError) {
        let parameters = WPParameters(request)
        self.parameters = parameters
        shape = try WPShape(parameters)
        page = try parameters.integer("page", in: 1...Int.max, fallback: 1)
        perPage = try parameters.integer("per_page", in: 1...100, fallback: 10)
        query = ListingQuery()
        query.search = try parameters.text("search")
        query.ids = try parameters.ids("include")
        query.excludedIDs = try parameters.ids("exclude")
        query.slugs = try parameters.list("slug")
        let direction = try parameters.choice("order", ["asc", "desc"], fallback: defaultAscending ? "asc" : "desc")
        query.ascending = direction == "asc"
        let orderBy = try parameters.choice("orderby", orders.keys.sorted(), fallback: defaultOrderBy)
        query.order = orders[orderBy] ?? .date
        let context = try parameters.choice("context", ["view", "embed", "edit"], fallback: "view")
        if context == "edit" {
            throw WPError(
                .unauthorized, code: "rest_forbidden_context",
                message: "Sorry, you are not allowed to edit in this context: this API only reads.")
        }
    }

    /// The page to read, or WordPress's error for a page past the last one.
    var pageRequest: PageRequest {
        get throws(WPError) {
            guard let request = PageRequest(number: page, size: perPage) else { throw .pagePastEnd() }
            return request
        }
    }

    /// WordPress refuses a page past the end of a list that has items; an empty list answers any page empty.
    func check<Item>(_ found: Page<Item>) throws(WPError) {
        if found.totalItems > 0, found.number > found.totalPages { throw .pagePastEnd() }
    }
}

/// How an answer is shaped beyond its items: `_embed` (which links to embed) and `_fields` (which fields
/// to keep).
struct WPShape: Sendable {
    /// nil: embed nothing; empty: embed every embeddable link; otherwise only the relations named.
    var embed: Set<String>?
    /// nil: every field; otherwise only these top-level fields.
    var fields: Set<String>?

    init(_ parameters: WPParameters) throws(WPError) {
        if parameters.has("_embed") {
            let named = try parameters.list("_embed").filter { !["1", "true"].contains($0) }
            embed = Set(named)
        }
        // "title.rendered" keeps the whole title: the first part names the top-level field. An empty
        // `_fields` keeps everything, as in WordPress.
        let named = try parameters.list("_fields").map { String($0.split(separator: ".").first ?? "") }
        if !named.isEmpty { fields = Set(named) }
    }

    func embeds(_ relation: String) -> Bool {
        guard let embed else { return false }
        return embed.isEmpty || embed.contains(relation)
    }
}
