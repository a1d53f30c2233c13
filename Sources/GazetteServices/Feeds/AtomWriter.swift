import Foundation

/// Atom 1.0: entries with their permalink as id, the full text as HTML content, and a `via` link to an
/// original at another outlet.
package enum AtomWriter {
    package static func write(_ feed: Feed) -> String {
        let x = RSSWriter.x
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(x(feed.language))">
            <title>\(x(feed.title))</title>
            <subtitle>\(x(feed.subtitle))</subtitle>
            <id>\(x(feed.homeURL))</id>
            <link rel="alternate" type="text/html" href="\(x(feed.homeURL))"/>
            <link rel="self" type="application/atom+xml" href="\(x(feed.selfURL))"/>
            <updated>\(FeedDates.rfc3339(feed.updated))</updated>
            <generator>Gazette</generator>

            """
        for entry in feed.entries {
            xml += "<entry>\n<title>\(x(entry.title))</title>\n<id>\(x(entry.url))</id>\n"
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(x(entry.url))\"/>\n"
            if let source = entry.source, !source.originalURL.isEmpty {
                xml += "<link rel=\"via\" href=\"\(x(source.originalURL))\" title=\"\(x(source.name))\"/>\n"
            }
            if let image = entry.imageURL {
                let type = entry.imageType.map { " type=\"\($0)\"" } ?? ""
                xml += "<link rel=\"enclosure\" href=\"\(x(image))\"\(type)/>\n"
            }
            xml += "<published>\(FeedDates.rfc3339(entry.published))</published>\n"
            xml += "<updated>\(FeedDates.rfc3339(entry.updated))</updated>\n"
            xml += "<author><name>\(x(entry.authorName))</name><uri>\(x(entry.authorURL))</uri></author>\n"
            for category in entry.categories { xml += "<category term=\"\(x(category))\"/>\n" }
            if !entry.summary.isEmpty { xml += "<summary>\(x(entry.summary))</summary>\n" }
            xml += "<content type=\"html\">\(x(entry.contentHTML))</content>\n</entry>\n"
        }
        return xml + "</feed>\n"
    }
}
