import Mustache

/// What every page's layout shows: the site's name, the page's title and head links.
package struct SiteModel: Sendable {
    package let title: String
    package let tagline: String
    package let homeURL: String
    package let language: String
    package let stylesheetURL: String
    package let year: String
    /// "A daily digest of the latest articles", when the site sends one; the subscribe form offers it.
    package var digestLabel: String? = nil
}

/// The `<head>` of one page.
package struct HeadModel: Sendable {
    /// The whole `<title>`: "Headline – Site".
    package let title: String
    package let description: String
    package let canonicalURL: String?
    /// Pages a publisher would not want in search engines (deep archive pages, errors).
    package let noIndex: Bool
    /// `<link rel="alternate">` for feed readers: the site's feeds, and an archive's own.
    package let feeds: [FeedLinkModel]
    /// Open Graph and Twitter card tags.
    package var meta: [MetaTagModel] = []
    /// schema.org JSON-LD, already safe inside `<script>`.
    package var jsonLD: String? = nil
}

package struct FeedLinkModel: Sendable {
    package let title: String
    package let type: String
    package let url: String
}

/// A link with its text, for tags, categories, pagers and lists.
package struct LinkModel: Sendable {
    package let name: String
    package let url: String
}

/// A date as `<time datetime="…">text</time>` needs it.
package struct DateModel: Sendable {
    package let iso: String
    package let text: String
}

/// A picture; `src` rather than `url` so that inside `{{#image}}` the card's own `url` stays reachable.
package struct ImageModel: Sendable {
    package let src: String
    package let alt: String
    package let caption: String?
    package let credit: String?
    /// Resized copies in the original's format (`/media/…-480w.jpg 480w, …`), when there are any.
    package var srcset: String? = nil
    /// The same in WebP, for a `<picture>`'s `<source>`.
    package var webpSrcset: String? = nil
    /// How wide the picture is drawn, for the browser to choose a copy (`(min-width: 48rem) 42rem, 100vw`).
    package var sizes: String? = nil
}

extension SiteModel: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "tagline": self.tagline
        case "homeURL": self.homeURL
        case "language": self.language
        case "stylesheetURL": self.stylesheetURL
        case "year": self.year
        case "digestLabel": self.digestLabel
        default: nil
        }
    }
}

extension HeadModel: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "description": self.description
        case "canonicalURL": self.canonicalURL
        case "noIndex": self.noIndex
        case "feeds": self.feeds
        case "meta": self.meta
        case "jsonLD": self.jsonLD
        default: nil
        }
    }
}

extension FeedLinkModel: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "type": self.type
        case "url": self.url
        default: nil
        }
    }
}

extension LinkModel: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": self.url
        default: nil
        }
    }
}

extension DateModel: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "iso": self.iso
        case "text": self.text
        default: nil
        }
    }
}

extension ImageModel: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "src": self.src
        case "alt": self.alt
        case "caption": self.caption
        case "credit": self.credit
        case "srcset": self.srcset
        case "webpSrcset": self.webpSrcset
        case "sizes": self.sizes
        default: nil
        }
    }
}
