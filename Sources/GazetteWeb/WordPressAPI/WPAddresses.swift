import Foundation
import GazetteContent
import GazetteServices

/// The API's absolute addresses, and the site's: every `link`, `href` and pagination link is built here.
struct WPAddresses: Sendable {
    let site: SiteURL

    var root: String { site.absolute(path: SiteURL.wordPressAPIRoot + "/") }

    /// `…/wp-json/wp/v2/posts`, and `…/posts/12` with an id.
    func collection(_ name: String) -> String { site.absolute(path: SiteURL.wordPressAPIPrefix + "/" + name) }

    func item(_ name: String, _ id: Int64) -> String { collection(name) + "/\(id)" }

    /// A link object list as WordPress writes each relation: `[{"href": …}]`.
    func link(_ href: String, embeddable: Bool? = nil, taxonomy: String? = nil) -> [WPLink] {
        [WPLink(href: href, embeddable: embeddable, taxonomy: taxonomy)]
    }

    /// An address a page printed: absolute already, or relative to the site.
    func absolute(_ address: String) -> String {
        address.hasPrefix("/") && !address.hasPrefix("//") ? site.absolute(path: address) : address
    }
}

/// One entry of `_links`.
struct WPLink: Sendable, Encodable, Equatable {
    var href: String
    var embeddable: Bool?
    var taxonomy: String?
}

/// `{"rendered": …}`, and `protected` where WordPress has it (Gazette has no password-protected posts).
struct WPRendered: Sendable, Encodable, Equatable {
    var rendered: String
    var protected: Bool?

    init(_ rendered: String, protected: Bool? = nil) {
        self.rendered = rendered
        self.protected = protected
    }
}
