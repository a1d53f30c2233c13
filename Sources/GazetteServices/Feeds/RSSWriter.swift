import Foundation

/// RSS 2.0 with the full text in `content:encoded`, authors in `dc:creator`, a permalink `guid` and the
/// featured image as Media RSS `media:content`.
package enum RSSWriter {
    package static func write(_ feed: Feed) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" \
            xmlns:media="http://search.yahoo.com/mrss/">
            <channel>
            <title>\(x(feed.title))</title>
            <link>\(x(feed.homeURL))</link>
            <description>\(x(feed.subtitle))</description>
            <language>\(x(feed.language))</language>
            <lastBuildDate>\(FeedDates.rfc822(feed.updated))</lastBuildDate>
            <atom:link href="\(x(feed.selfURL))" rel="self" type="application/rss+xml"/>
            <generator>Gazette</generator>

            """
        for entry in feed.entries {
            xml += "<item>\n<title>\(x(entry.title))</title>\n<link>\(x(entry.url))</link>\n"
            xml += "<guid isPermaLink=\"true\">\(x(entry.url))</guid>\n"
            xml += "<pubDate>\(FeedDates.rfc822(entry.published))</pubDate>\n"
            xml += "<dc:creator>\(x(entry.authorName))</dc:creator>\n"
            for category in entry.categories { xml += "<category>\(x(category))</category>\n" }
            xml += "<description>\(x(entry.summary))</description>\n"
            xml += "<content:encoded>\(x(entry.contentHTML))</content:encoded>\n"
            if let image = entry.imageURL {
                // Media RSS: what feed readers and aggregators take for the entry's picture.
                let type = entry.imageType.map { " type=\"\($0)\"" } ?? ""
                xml += "<media:content url=\"\(x(image))\" medium=\"image\"\(type)/>\n"
            }
            if let source = entry.source {
                xml += "<source url=\"\(x(source.feedURL))\">\(x(source.name))</source>\n"
            }
            xml += "</item>\n"
        }
        return xml + "</channel>\n</rss>\n"
    }

    package static func x(_ text: String) -> String { XMLText.escape(text) }
}
