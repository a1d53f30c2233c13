import Foundation

/// A WordPress export written by hand from WXR's documented layout, with what real exports contain: the
/// https namespace, split CDATA, every post status, a page, attachments with a featured image, caption,
/// gallery and unknown shortcodes, a block-editor post, category hierarchy, threaded comments listed out of
/// order, a reply whose parent is missing, a pingback, unicode and a percent-encoded slug, an item type
/// that is not content, and a post by someone the list of people leaves out.
enum WordPressExportFixture {
    static let postCount = 9  // posts and pages, every status
    static let publicComments = ["Great news!", "Agreed with Bo.", "And a third level.", "Lost reply."]

    static func text(namespace: String = "https://wordpress.org/export/1.2/") -> String {
        """
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:excerpt="\(namespace)excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
            xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/"
            xmlns:wp="\(namespace)">
        <channel>
            <title>Harbour &amp; Herald</title>
            <link>https://herald.example</link>
            <wp:wxr_version>1.2</wp:wxr_version>
            <wp:base_site_url>https://herald.example</wp:base_site_url>
            <wp:base_blog_url>https://herald.example</wp:base_blog_url>
            <wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[ana]]></wp:author_login>
                <wp:author_email><![CDATA[Ana@Herald.example]]></wp:author_email>
                <wp:author_display_name><![CDATA[Ana Müller]]></wp:author_display_name></wp:author>
            <wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[bjorn]]></wp:author_login>
                <wp:author_email></wp:author_email>
                <wp:author_first_name><![CDATA[Björn]]></wp:author_first_name>
                <wp:author_last_name><![CDATA[Lind]]></wp:author_last_name></wp:author>
            <wp:category><wp:term_id>3</wp:term_id><wp:category_nicename><![CDATA[port]]></wp:category_nicename>
                <wp:category_parent><![CDATA[news]]></wp:category_parent><wp:cat_name><![CDATA[Port &amp; Ships]]></wp:cat_name></wp:category>
            <wp:category><wp:term_id>2</wp:term_id><wp:category_nicename><![CDATA[news]]></wp:category_nicename>
                <wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[News]]></wp:cat_name></wp:category>
            <wp:tag><wp:term_id>4</wp:term_id><wp:tag_slug><![CDATA[ferries]]></wp:tag_slug><wp:tag_name><![CDATA[Ferries]]></wp:tag_name></wp:tag>
            <wp:tag><wp:term_id>5</wp:term_id><wp:tag_slug><![CDATA[c-plus-plus]]></wp:tag_slug><wp:tag_name><![CDATA[C++]]></wp:tag_name></wp:tag>
            <item>
                <title><![CDATA[nordlys.jpg]]></title><wp:post_id>30</wp:post_id><wp:post_type>attachment</wp:post_type>
                <wp:post_parent>10</wp:post_parent><wp:status>inherit</wp:status>
                <excerpt:encoded><![CDATA[The Nordlys at the quay]]></excerpt:encoded>
                <wp:attachment_url>https://herald.example/wp-content/uploads/2024/03/nordlys.jpg</wp:attachment_url>
                <wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[A white ferry]]></wp:meta_value></wp:postmeta>
            </item>
            <item>
                <title><![CDATA[Ferry “Nordlys” returns &amp; sails]]></title>
                <link>https://herald.example/2024/03/05/ferry-returns/</link>
                <dc:creator><![CDATA[ana]]></dc:creator>
                <guid isPermaLink="false">https://herald.example/?p=10</guid>
                <content:encoded><![CDATA[The ferry is back.

        A ]]]]><![CDATA[> split CDATA section.
        Second line.<!--more-->

        [caption id="attachment_30" align="alignleft" width="300"]<img src="https://herald.example/wp-content/uploads/2024/03/nordlys.jpg" alt="A white ferry" /> The Nordlys at the quay[/caption]

        [gallery ids="30"]

        [contact-form-7 id="5"]]]></content:encoded>
                <excerpt:encoded><![CDATA[Back in service.]]></excerpt:encoded>
                <wp:post_id>10</wp:post_id>
                <wp:post_date><![CDATA[2024-03-05 09:30:00]]></wp:post_date>
                <wp:post_date_gmt><![CDATA[2024-03-05 08:30:00]]></wp:post_date_gmt>
                <wp:comment_status><![CDATA[open]]></wp:comment_status>
                <wp:post_name><![CDATA[ferry-returns]]></wp:post_name>
                <wp:status><![CDATA[publish]]></wp:status>
                <wp:post_parent>0</wp:post_parent>
                <wp:post_type><![CDATA[post]]></wp:post_type>
                <wp:is_sticky>1</wp:is_sticky>
                <category domain="category" nicename="port"><![CDATA[Port &amp; Ships]]></category>
                <category domain="category" nicename="news"><![CDATA[News]]></category>
                <category domain="post_tag" nicename="ferries"><![CDATA[Ferries]]></category>
                <category domain="post_tag" nicename="c-plus-plus"><![CDATA[C++]]></category>
                <category domain="post_format" nicename="post-format-aside"><![CDATA[Aside]]></category>
                <wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[30]]></wp:meta_value></wp:postmeta>
                \(comment(id: 102, parent: 101, status: "1", text: "And a third <em>level</em>.", author: "Di"))
                \(comment(id: 100, parent: 0, status: "1", text: "Great <b>news</b>!", author: "Bo &amp; Co"))
                \(comment(id: 101, parent: 100, status: "1", text: "Agreed with Bo.", author: "Cy"))
                \(comment(id: 103, parent: 0, status: "0", text: "Pending words", author: "Ed"))
                \(comment(id: 104, parent: 0, status: "spam", text: "Buy pills", author: "Spammer"))
                \(comment(id: 105, parent: 0, status: "trash", text: "Binned words", author: "Fay"))
                \(comment(id: 106, parent: 999, status: "1", text: "Lost reply.", author: "Gil"))
                \(comment(id: 107, parent: 0, status: "1", text: "[…] a linking site […]", author: "Other Blog", type: "pingback"))
            </item>
            \(post(id: 11, title: "Draft piece", status: "draft", date: "0000-00-00 00:00:00"))
            \(post(id: 12, title: "Awaiting review", status: "pending", date: "0000-00-00 00:00:00"))
            \(post(id: 13, title: "Private memo", status: "private", date: "2024-01-02 10:00:00"))
            \(post(id: 14, title: "Binned story", status: "trash", date: "2024-01-03 10:00:00"))
            \(post(id: 15, title: "Coming in the new year", status: "future", date: "2027-01-10 06:00:00"))
            \(post(id: 16, title: "Missed its slot", status: "future", date: "2025-05-01 06:00:00"))
            <item>
                <title>About us</title><link>https://herald.example/about/</link><dc:creator>bjorn</dc:creator>
                <content:encoded><![CDATA[We report on the harbour.]]></content:encoded>
                <wp:post_id>20</wp:post_id><wp:post_date_gmt>2023-06-01 12:00:00</wp:post_date_gmt>
                <wp:post_name>about</wp:post_name><wp:status>publish</wp:status><wp:post_type>page</wp:post_type>
            </item>
            <item>
                <title><![CDATA[Über die Brücke]]></title><link>https://herald.example/2024/04/01/%c3%bcber-die-br%c3%bccke/</link>
                <dc:creator>someone-else</dc:creator>
                <content:encoded><![CDATA[<!-- wp:paragraph -->
        <p>Block editor text.</p>
        <!-- /wp:paragraph -->]]></content:encoded>
                <wp:post_id>17</wp:post_id><wp:post_date_gmt>2024-04-01 07:00:00</wp:post_date_gmt>
                <wp:post_name>%c3%bcber-die-br%c3%bccke</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
                <wp:comment_status>closed</wp:comment_status>
            </item>
            <item><title>Home</title><wp:post_id>40</wp:post_id><wp:post_type>nav_menu_item</wp:post_type><wp:status>publish</wp:status></item>
            <item><title>Auto Draft</title><wp:post_id>41</wp:post_id><wp:post_type>post</wp:post_type><wp:status>auto-draft</wp:status></item>
        </channel>
        </rss>
        """
    }

    private static func post(id: Int, title: String, status: String, date: String) -> String {
        """
        <item><title>\(title)</title><dc:creator>ana</dc:creator><wp:post_id>\(id)</wp:post_id>
            <link>https://herald.example/?p=\(id)</link>
            <content:encoded><![CDATA[Text of \(title).]]></content:encoded>
            <wp:post_date_gmt>\(date)</wp:post_date_gmt><wp:status>\(status)</wp:status><wp:post_type>post</wp:post_type></item>
        """
    }

    private static func comment(
        id: Int, parent: Int, status: String, text: String, author: String, type: String = "comment"
    ) -> String {
        """
        <wp:comment><wp:comment_id>\(id)</wp:comment_id><wp:comment_author><![CDATA[\(author)]]></wp:comment_author>
            <wp:comment_author_email>reader\(id)@reader.example</wp:comment_author_email>
            <wp:comment_author_url>https://reader\(id).example</wp:comment_author_url>
            <wp:comment_author_IP>192.0.2.\(id - 90)</wp:comment_author_IP>
            <wp:comment_date_gmt>2024-03-05 1\(id - 100):00:00</wp:comment_date_gmt>
            <wp:comment_content><![CDATA[\(text)]]></wp:comment_content><wp:comment_approved>\(status)</wp:comment_approved>
            <wp:comment_type>\(type)</wp:comment_type><wp:comment_parent>\(parent)</wp:comment_parent></wp:comment>
        """
    }

    /// The export in a temporary file, removed by the caller.
    static func file(_ text: String = text()) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wxr-\(UUID().uuidString).xml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}
