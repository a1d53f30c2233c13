import Foundation

/// An old address that answers with a 301 to an article: where the article was before its slug or date
/// changed, and (for imports) its permalink on the site it came from. Addresses are kept in one form, so
/// `/2026/01/02/caf%C3%A9/` and `/2026/01/02/café` find the same entry.
public enum Redirect {
    /// Where an article is published: `/yyyy/mm/dd/slug/` (DESIGN.md §2).
    public static func articlePath(day: PublicationDay, slug: Slug) -> String {
        "/\(day.pathSegments)/\(slug.value)/"
    }

    /// WordPress's short links by id (`/?p=123`, `/?page_id=7`), which old links and feeds still use.
    public static let idParameters = ["p", "page_id", "attachment_id"]

    /// The stored form of WordPress's short link `/?name=id`.
    public static func key(idParameter name: String, id: Int) -> String {
        "/?\(name)=\(id)"
    }

    /// The stored form of a requested path: percent-decoded, with the trailing slash of a folder-like path.
    /// A WordPress short link (`/?p=123`) is kept as it is.
    public static func key(forPath path: String) -> String {
        if path.hasPrefix("/?") { return path }
        var key = path.removingPercentEncoding ?? path
        let last = key.split(separator: "/").last ?? ""
        if !key.hasSuffix("/"), !last.contains(".") { key += "/" }
        return key
    }
}
