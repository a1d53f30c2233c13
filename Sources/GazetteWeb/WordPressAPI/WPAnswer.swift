import Foundation
import GazetteContent
import HTTPTypes
import Hummingbird

/// Turns the API's objects into answers: JSON with sorted keys (so every instance sends the same bytes and
/// the same ETag), `_fields` applied, and WordPress's pagination headers on lists.
enum WPAnswer {
    static let contentType = "application/json; charset=UTF-8"

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // The structs name their fields in Swift's style; WordPress writes `date_gmt`, `featured_media`.
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }()

    /// One object.
    static func one(_ item: some Encodable, shape: WPShape, cacheTags: String? = nil) throws -> Response {
        let body = try filtered(encoder.encode(item), fields: shape.fields)
        return response(body, headers: HTTPFields(), cacheTags: cacheTags)
    }

    /// A page of a collection, with `X-WP-Total`, `X-WP-TotalPages` and `Link` (`next`, `prev`) as WordPress
    /// sends them; the links keep the request's own parameters.
    static func list<Item>(
        _ items: [some Encodable], page: Page<Item>, request: Request, base: String, shape: WPShape,
        cacheTags: String? = nil
    ) throws -> Response {
        var headers = HTTPFields()
        // WordPress counts no pages at all for an empty list.
        let totalPages = page.totalItems == 0 ? 0 : page.totalPages
        headers[.wpTotal] = String(page.totalItems)
        headers[.wpTotalPages] = String(totalPages)
        var links: [String] = []
        let kept = keptQuery(request)
        if page.number > 1 {
            let previous = min(page.number - 1, max(totalPages, 1))
            links.append("<\(address(base, kept, page: previous))>; rel=\"prev\"")
        }
        if page.number < totalPages {
            links.append("<\(address(base, kept, page: page.number + 1))>; rel=\"next\"")
        }
        if !links.isEmpty { headers[.wpLink] = links.joined(separator: ", ") }
        let body = try filtered(encoder.encode(items), fields: shape.fields)
        return response(body, headers: headers, cacheTags: cacheTags)
    }

    private static func response(_ body: Data, headers: HTTPFields, cacheTags: String?) -> Response {
        var headers = headers
        headers[.contentType] = contentType
        // Public and read-only: a headless front end on another origin may read it, headers included.
        headers[.accessControlAllowOrigin] = "*"
        headers[.accessControlExposeHeaders] = "X-WP-Total, X-WP-TotalPages, Link"
        if let cacheTags { headers[.cacheTags] = cacheTags }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The request's query pairs as they were sent, without `page`.
    private static func keptQuery(_ request: Request) -> [Substring] {
        (request.uri.query ?? "").split(separator: "&").filter { !$0.hasPrefix("page=") && $0 != "page" }
    }

    /// WordPress leaves `page` out of the link to the first page.
    private static func address(_ base: String, _ kept: [Substring], page: Int) -> String {
        let pairs = kept.map(String.init) + (page > 1 ? ["page=\(page)"] : [])
        return pairs.isEmpty ? base : base + "?" + pairs.joined(separator: "&")
    }

    /// Keeps only the named top-level fields of the object, or of each object in a list.
    static func filtered(_ body: Data, fields: Set<String>?) throws -> Data {
        guard let fields else { return body }
        let value = try JSONDecoder().decode(JSONValue.self, from: body)
        return try encoder.encode(value.keeping(fields))
    }
}

extension HTTPField.Name {
    static let wpTotal = Self("X-WP-Total")!
    static let wpTotalPages = Self("X-WP-TotalPages")!
    static let wpLink = Self("Link")!
}
