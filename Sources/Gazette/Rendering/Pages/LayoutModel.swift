import Mustache

/// What every page's layout shows: the site's name, the page's title and head links.
struct SiteModel: Sendable {
    let title: String
    let tagline: String
    let homeURL: String
    let language: String
    let stylesheetURL: String
    let year: String
}

/// The `<head>` of one page.
struct HeadModel: Sendable {
    /// The whole `<title>`: "Headline – Site".
    let title: String
    let description: String
    let canonicalURL: String?
    /// Pages a publisher would not want in search engines (deep archive pages, errors).
    let noIndex: Bool
    /// `<link rel="alternate">` for feed readers: the site's feeds, and an archive's own.
    let feeds: [FeedLinkModel]
    /// Open Graph and Twitter card tags.
    var meta: [MetaTagModel] = []
    /// schema.org JSON-LD, already safe inside `<script>`.
    var jsonLD: String? = nil
}

struct FeedLinkModel: Sendable {
    let title: String
    let type: String
    let url: String
}

/// A link with its text, for tags, categories, pagers and lists.
struct LinkModel: Sendable {
    let name: String
    let url: String
}

/// A date as `<time datetime="…">text</time>` needs it.
struct DateModel: Sendable {
    let iso: String
    let text: String
}

/// A picture; `src` rather than `url` so that inside `{{#image}}` the card's own `url` stays reachable.
struct ImageModel: Sendable {
    let src: String
    let alt: String
    let caption: String?
    let credit: String?
}

extension SiteModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "tagline": self.tagline
        case "homeURL": self.homeURL
        case "language": self.language
        case "stylesheetURL": self.stylesheetURL
        case "year": self.year
        default: nil
        }
    }
}

extension HeadModel: MustacheParent {
    func child(named name: String) -> Any? {
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
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "type": self.type
        case "url": self.url
        default: nil
        }
    }
}

extension LinkModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": self.url
        default: nil
        }
    }
}

extension DateModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "iso": self.iso
        case "text": self.text
        default: nil
        }
    }
}

extension ImageModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "src": self.src
        case "alt": self.alt
        case "caption": self.caption
        case "credit": self.credit
        default: nil
        }
    }
}
