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
