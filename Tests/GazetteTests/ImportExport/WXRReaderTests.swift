import Foundation
import Testing

@testable import Gazette
@testable import GazetteServices
@testable import GazetteWeb

@Suite("Reading WordPress exports")
struct WXRReaderTests {
    /// A small export written from WXR's documented layout: two authors, a category under another, a
    /// tag, a published post with threaded comments of every status, a draft, a page and an attachment.
    static func export(namespace: String = "https://wordpress.org/export/1.2/") -> String {
        """
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:excerpt="\(namespace)excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
            xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/"
            xmlns:wp="\(namespace)">
        <channel>
            <title>Harbour Herald</title>
            <link>https://herald.example</link>
            <wp:wxr_version>1.2</wp:wxr_version>
            <wp:base_site_url>https://herald.example</wp:base_site_url>
            <wp:base_blog_url>https://herald.example</wp:base_blog_url>
            <wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[ana]]></wp:author_login>
                <wp:author_email><![CDATA[ana@herald.example]]></wp:author_email>
                <wp:author_display_name><![CDATA[Ana Müller]]></wp:author_display_name>
                <wp:author_first_name><![CDATA[Ana]]></wp:author_first_name>
                <wp:author_last_name><![CDATA[Müller]]></wp:author_last_name></wp:author>
            <wp:category><wp:term_id>2</wp:term_id><wp:category_nicename><![CDATA[news]]></wp:category_nicename>
                <wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[News]]></wp:cat_name></wp:category>
            <wp:category><wp:term_id>3</wp:term_id><wp:category_nicename><![CDATA[port]]></wp:category_nicename>
                <wp:category_parent><![CDATA[news]]></wp:category_parent><wp:cat_name><![CDATA[Port & Ships]]></wp:cat_name></wp:category>
            <wp:tag><wp:term_id>4</wp:term_id><wp:tag_slug><![CDATA[ferries]]></wp:tag_slug><wp:tag_name><![CDATA[Ferries]]></wp:tag_name></wp:tag>
            <item>
                <title><![CDATA[Ferry “Nordlys” returns]]></title>
                <link>https://herald.example/2024/03/05/ferry-returns/</link>
                <dc:creator><![CDATA[ana]]></dc:creator>
                <guid isPermaLink="false">https://herald.example/?p=10</guid>
                <content:encoded><![CDATA[The ferry is back.

        A ]]]]><![CDATA[> split CDATA section.]]></content:encoded>
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
                <category domain="category" nicename="port"><![CDATA[Port & Ships]]></category>
                <category domain="post_tag" nicename="ferries"><![CDATA[Ferries]]></category>
                <wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[30]]></wp:meta_value></wp:postmeta>
                <wp:comment><wp:comment_id>100</wp:comment_id><wp:comment_author><![CDATA[Bo]]></wp:comment_author>
                    <wp:comment_author_email><![CDATA[bo@reader.example]]></wp:comment_author_email>
                    <wp:comment_author_url>https://bo.example</wp:comment_author_url><wp:comment_author_IP><![CDATA[192.0.2.7]]></wp:comment_author_IP>
                    <wp:comment_date><![CDATA[2024-03-05 10:00:00]]></wp:comment_date><wp:comment_date_gmt><![CDATA[2024-03-05 09:00:00]]></wp:comment_date_gmt>
                    <wp:comment_content><![CDATA[Great <b>news</b>!]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved>
                    <wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>0</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id>
                    <wp:commentmeta><wp:meta_key><![CDATA[akismet_result]]></wp:meta_key><wp:meta_value><![CDATA[false]]></wp:meta_value></wp:commentmeta></wp:comment>
                <wp:comment><wp:comment_id>101</wp:comment_id><wp:comment_author><![CDATA[Cy]]></wp:comment_author>
                    <wp:comment_content><![CDATA[Agreed.]]></wp:comment_content><wp:comment_approved>0</wp:comment_approved><wp:comment_parent>100</wp:comment_parent></wp:comment>
                <wp:comment><wp:comment_id>102</wp:comment_id><wp:comment_content>Buy now</wp:comment_content><wp:comment_approved>spam</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>
                <wp:comment><wp:comment_id>103</wp:comment_id><wp:comment_content>Oops</wp:comment_content><wp:comment_approved>trash</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>
            </item>
            <item><title>Draft piece</title><wp:post_id>11</wp:post_id><wp:status>draft</wp:status><wp:post_type>post</wp:post_type></item>
            <item><title>About us</title><wp:post_id>12</wp:post_id><wp:status>publish</wp:status><wp:post_type>page</wp:post_type></item>
            <item><title>nordlys.jpg</title><wp:post_id>30</wp:post_id><wp:post_type>attachment</wp:post_type>
                <wp:attachment_url>https://herald.example/wp-content/uploads/2024/03/nordlys.jpg</wp:attachment_url></item>
        </channel>
        </rss>
        """
    }

    static func entries(_ text: String) throws -> [WXR.Entry] {
        var entries: [WXR.Entry] = []
        try WXRReader.read(data: Data(text.utf8)) { entries.append($0) }
        return entries
    }

    @Test("reads the site, people, taxonomy, items and threaded comments, joining split CDATA")
    func everything() throws {
        let entries = try Self.entries(Self.export())
        guard case .site(let site) = entries.first else { Issue.record("the site comes first"); return }
        #expect(site.title == "Harbour Herald" && site.baseSiteURL == "https://herald.example" && site.version == "1.2")
        let authors = entries.compactMap { if case .author(let a) = $0 { a } else { nil } }
        #expect(authors.map(\.displayName) == ["Ana Müller"] && authors.first?.email == "ana@herald.example")
        let categories = entries.compactMap { if case .category(let c) = $0 { c } else { nil } }
        #expect(categories.map(\.slug) == ["news", "port"] && categories.last?.parentSlug == "news")
        #expect(categories.last?.name == "Port & Ships")
        let tags = entries.compactMap { if case .tag(let t) = $0 { t } else { nil } }
        #expect(tags == [WXR.Tag(termID: "4", slug: "ferries", name: "Ferries")])
        let items = entries.compactMap { if case .item(let i) = $0 { i } else { nil } }
        #expect(items.map(\.postType) == ["post", "post", "page", "attachment"])
        let post = try #require(items.first)
        #expect(post.title == "Ferry “Nordlys” returns")
        #expect(post.content == "The ferry is back.\n\nA ]]> split CDATA section.")
        #expect(post.excerpt == "Back in service." && post.creator == "ana" && post.postName == "ferry-returns")
        #expect(post.postDateGMT == "2024-03-05 08:30:00" && post.status == "publish" && post.isSticky)
        #expect(post.link == "https://herald.example/2024/03/05/ferry-returns/")
        #expect(
            post.terms == [
                WXR.Term(domain: "category", slug: "port", name: "Port & Ships"),
                WXR.Term(domain: "post_tag", slug: "ferries", name: "Ferries"),
            ])
        #expect(post.meta == ["_thumbnail_id": "30"], "comment meta stays with its comment")
        #expect(post.comments.map(\.approved) == ["1", "0", "spam", "trash"])
        #expect(post.comments[1].parentID == "100" && post.comments[0].ip == "192.0.2.7")
        #expect(post.comments[0].content == "Great <b>news</b>!" && post.comments[0].url == "https://bo.example")
        #expect(items.last?.attachmentURL == "https://herald.example/wp-content/uploads/2024/03/nordlys.jpg")
    }

    @Test(
        "every version's namespace is WordPress's, over http or https",
        arguments: [
            "http://wordpress.org/export/1.0/", "http://wordpress.org/export/1.1/", "https://wordpress.org/export/1.2/",
        ])
    func namespaces(namespace: String) throws {
        let entries = try Self.entries(Self.export(namespace: namespace))
        #expect(entries.count == 1 + 1 + 2 + 1 + 4)
    }

    @Test("files that are not exports get a clear error, with the line and column where one applies")
    func errors() throws {
        func failure(_ text: String) -> WXR.ReadError? {
            do {
                _ = try Self.entries(text)
                return nil
            } catch {
                return error as? WXR.ReadError
            }
        }
        let truncated = String(Self.export().prefix(2_000))
        let cut = try #require(failure(truncated))
        #expect(
            cut.line != nil && (cut.description.contains("not well-formed") || cut.description.contains("cut short")),
            "\(cut)")
        // Cut off right after a whole item: every element read so far is complete, the file is not.
        let export = Self.export()
        let afterItem = try #require(export.range(of: "</item>"))
        let betweenElements = try #require(failure(String(export[..<afterItem.upperBound])))
        #expect(betweenElements.message.contains("cut short") && betweenElements.line != nil, "\(betweenElements)")
        let garbage = try #require(failure("this is not XML at all"))
        #expect(garbage.line == 1, "\(garbage)")
        let html = try #require(failure("<html><body>Hello</body></html>"))
        #expect(html.message.contains("root element is <html>"), "\(html)")
        let feed = try #require(
            failure("<rss version=\"2.0\"><channel><title>A feed</title><item><title>x</title></item></channel></rss>"))
        #expect(feed.message.contains("gazette import feed"), "\(feed)")
        #expect(throws: WXR.ReadError.self) {
            try WXRReader.read(contentsOf: URL(fileURLWithPath: "/nonexistent/export.xml")) { _ in }
        }
    }

    @Test("entries arrive one at a time from a file, and an error from the receiver stops the reading")
    func streaming() throws {
        let file = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("wxr-\(UUID()).xml")
        try Data(Self.export().utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var seen = 0
        struct Enough: Error {}
        #expect(throws: Enough.self) {
            try WXRReader.read(contentsOf: file) { entry in
                if case .item = entry {
                    seen += 1
                    if seen == 2 { throw Enough() }
                }
            }
        }
        #expect(seen == 2)
    }
}
