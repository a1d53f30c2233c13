import Foundation

/// Writes a WordPress export (WXR 1.2) as a stream: the channel's header, people and taxonomy first, then
/// one item at a time, so a site of any size is written in little memory. It writes the same `WXR` values
/// `WXRReader` reads, so what one writes the other reads back unchanged.
package struct WXRWriter {
    private var sink: OutputSink

    package init(sink: OutputSink) {
        self.sink = sink
    }

    package static let namespace = "http://wordpress.org/export/1.2/"

    package mutating func start(_ site: WXR.Site, description: String, language: String) throws {
        try sink.write(
            """
            <?xml version="1.0" encoding="UTF-8" ?>
            <!-- A WordPress eXtended RSS (WXR) export written by Gazette. WordPress imports it with Tools → Import → WordPress. -->
            <rss version="2.0" xmlns:excerpt="\(Self.namespace)excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" \
            xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="\(Self.namespace)">
            <channel>
            \(element("title", site.title))
            \(element("link", site.link))
            \(element("description", description))
            \(element("language", language))
            <wp:wxr_version>1.2</wp:wxr_version>
            \(element("wp:base_site_url", site.baseSiteURL))
            \(element("wp:base_blog_url", site.baseBlogURL))
            <generator>Gazette</generator>

            """)
    }

    package mutating func author(_ author: WXR.Author) throws {
        try sink.write(
            "<wp:author>" + element("wp:author_id", author.id) + element("wp:author_login", author.login)
                + element("wp:author_email", author.email) + element("wp:author_display_name", author.displayName)
                + element("wp:author_first_name", author.firstName) + element("wp:author_last_name", author.lastName)
                + "</wp:author>\n")
    }

    package mutating func category(_ category: WXR.Category) throws {
        try sink.write(
            "<wp:category>" + element("wp:term_id", category.termID)
                + element("wp:category_nicename", category.slug) + element("wp:category_parent", category.parentSlug)
                + element("wp:cat_name", category.name) + element("wp:category_description", category.description)
                + "</wp:category>\n")
    }

    package mutating func tag(_ tag: WXR.Tag) throws {
        try sink.write(
            "<wp:tag>" + element("wp:term_id", tag.termID) + element("wp:tag_slug", tag.slug)
                + element("wp:tag_name", tag.name) + "</wp:tag>\n")
    }

    /// One item; `pubDate` is RSS's date, which WordPress writes beside its own.
    package mutating func item(_ item: WXR.Item, pubDate: String) throws {
        var xml = "<item>\n" + element("title", item.title) + element("link", item.link)
        xml += element("pubDate", pubDate) + element("dc:creator", item.creator)
        xml += "<guid isPermaLink=\"false\">\(Self.escape(item.guid))</guid><description></description>\n"
        xml += element("content:encoded", item.content) + "\n" + element("excerpt:encoded", item.excerpt) + "\n"
        xml += element("wp:post_id", item.postID) + element("wp:post_date", item.postDate)
        xml += element("wp:post_date_gmt", item.postDateGMT) + element("wp:comment_status", item.commentStatus)
        xml += element("wp:ping_status", "closed") + element("wp:post_name", item.postName)
        xml +=
            element("wp:status", item.status) + element("wp:post_parent", item.parentID.isEmpty ? "0" : item.parentID)
        xml += element("wp:menu_order", "0") + element("wp:post_type", item.postType)
        xml += element("wp:post_password", "") + element("wp:is_sticky", item.isSticky ? "1" : "0") + "\n"
        if !item.attachmentURL.isEmpty { xml += element("wp:attachment_url", item.attachmentURL) + "\n" }
        for term in item.terms {
            xml += "<category domain=\"\(Self.escape(term.domain))\" nicename=\"\(Self.escape(term.slug))\">"
            xml += Self.cdata(term.name) + "</category>\n"
        }
        for (key, value) in item.meta.sorted(by: { $0.key < $1.key }) {
            xml += "<wp:postmeta>" + element("wp:meta_key", key) + element("wp:meta_value", value) + "</wp:postmeta>\n"
        }
        for comment in item.comments {
            xml += "<wp:comment>" + element("wp:comment_id", comment.id) + element("wp:comment_author", comment.author)
            xml += element("wp:comment_author_email", comment.email) + element("wp:comment_author_url", comment.url)
            xml += element("wp:comment_author_IP", comment.ip) + element("wp:comment_date", comment.date)
            xml += element("wp:comment_date_gmt", comment.dateGMT) + element("wp:comment_content", comment.content)
            xml += element("wp:comment_approved", comment.approved) + element("wp:comment_type", comment.type)
            xml += element("wp:comment_parent", comment.parentID.isEmpty ? "0" : comment.parentID)
            xml += element("wp:comment_user_id", comment.userID.isEmpty ? "0" : comment.userID) + "</wp:comment>\n"
        }
        try sink.write(xml + "</item>\n")
    }

    package mutating func finish() throws {
        try sink.write("</channel>\n</rss>\n")
        try sink.flush()
    }

    /// Text as CDATA (as WordPress writes it), so markup in bodies stays readable in the file.
    private func element(_ name: String, _ value: String) -> String {
        "<\(name)>\(Self.cdata(value))</\(name)>"
    }

    /// A CDATA section cannot hold `]]>`: it is closed and reopened around it. Characters XML forbids
    /// (most control characters) are left out, since no reader would accept the file with them.
    package static func cdata(_ text: String) -> String {
        guard !text.isEmpty else { return "" }
        var clean = allowedInXML(text) ? text : String(String.UnicodeScalarView(text.unicodeScalars.filter(isAllowed)))
        if ByteSearch.end(of: "]]>", in: clean) != nil { clean = clean.replacing("]]>", with: "]]]]><![CDATA[>") }
        return "<![CDATA[" + clean + "]]>"
    }

    package static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars where isAllowed(scalar) {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// True when every character may appear in XML, checked on the bytes: no control characters but
    /// tab and line ends, and neither U+FFFE nor U+FFFF (EF BF BE, EF BF BF in UTF-8).
    private static func allowedInXML(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { return false }
            if previous == (0xEF, 0xBF), byte == 0xBE || byte == 0xBF { return false }
            previous = (previous.1, byte)
        }
        return true
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00..<0x20, 0xFFFE, 0xFFFF: false
        default: true
        }
    }
}

/// A file written through a buffer, so the export makes few system calls however many items it has.
package final class OutputSink {
    private let handle: FileHandle
    private var buffer = Data()
    private static let flushSize = 1 << 20

    package init(handle: FileHandle) {
        self.handle = handle
    }

    package func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushSize { try flush() }
    }

    package func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
