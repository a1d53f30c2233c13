import Foundation
import GazetteContent
import Testing

@testable import Gazette
@testable import GazetteServices
@testable import GazetteWeb

@Suite("Mapping WordPress items")
struct WordPressItemMapperTests {
    static let now = Date(timeIntervalSince1970: 1_795_900_000)  // 2026-11-28

    static func mapper(_ catalog: WordPressCatalog = WordPressCatalog()) -> WordPressItemMapper {
        WordPressItemMapper(catalog: catalog, now: now, timeZone: TimeZone(identifier: "Europe/Oslo")!)
    }

    static func item(
        status: String = "publish", type: String = "post", date: String = "2024-03-05 08:30:00"
    )
        -> WXR.Item
    {
        var item = WXR.Item()
        item.title = "A title"
        item.postID = "7"
        item.postType = type
        item.status = status
        item.postDateGMT = date
        item.content = "Body"
        return item
    }

    static func mapped(
        _ item: WXR.Item, _ catalog: WordPressCatalog = WordPressCatalog()
    ) throws
        -> WordPressItemMapper.Mapped
    {
        guard case .mapped(let mapped) = mapper(catalog).map(item) else {
            Issue.record("\(item.postType) \(item.status) was not mapped")
            throw CancellationError()
        }
        return mapped
    }

    @Test(
        "each WordPress status has its Gazette status",
        arguments: [
            ("publish", "2024-03-05 08:30:00", ArticleStatus.published),
            ("future", "2027-01-01 00:00:00", .scheduled), ("future", "2025-01-01 00:00:00", .draft),
            ("draft", "0000-00-00 00:00:00", .draft), ("pending", "0000-00-00 00:00:00", .draft),
            ("private", "2024-01-01 00:00:00", .draft), ("trash", "2024-01-01 00:00:00", .trashed),
            ("odd-status", "2024-01-01 00:00:00", .draft),
        ])
    func statuses(status: String, date: String, expected: ArticleStatus) throws {
        let mapped = try Self.mapped(Self.item(status: status, date: date))
        #expect(mapped.article.status == expected)
        if expected == .draft { #expect(mapped.article.publishedAt == nil) }
    }

    @Test("dates come from UTC, or from the site's time when UTC is the zero date")
    func dates() throws {
        #expect(WordPressDate.secondsSinceEpoch("2024-03-05 08:30:00") == 1_709_627_400)
        #expect(WordPressDate.secondsSinceEpoch("0000-00-00 00:00:00") == nil)
        #expect(WordPressDate.secondsSinceEpoch("yesterday") == nil)
        #expect(WordPressDate.secondsSinceEpoch("2024-13-05 08:30:00") == nil)
        let oslo = TimeZone(identifier: "Europe/Oslo")!
        let local = WordPressDate.date(gmt: "0000-00-00 00:00:00", local: "2024-07-01 12:00:00", timeZone: oslo)
        #expect(local == Date(timeIntervalSince1970: 1_719_828_000), "12:00 in Oslo in summer is 10:00 UTC")
        var item = Self.item()
        item.postDateGMT = "0000-00-00 00:00:00"
        item.postDate = "2024-07-01 12:00:00"
        #expect(try Self.mapped(item).article.publishedAt == local)
    }

    @Test("types other than posts and pages are left out with a reason; attachments are kept as addresses")
    func types() throws {
        #expect(try Self.mapped(Self.item(type: "page")).article.kind == .page)
        #expect(try Self.mapped(Self.item(type: "post")).article.kind == .article)
        guard case .skipped(let reason) = Self.mapper().map(Self.item(type: "revision")) else {
            Issue.record("a revision is skipped")
            return
        }
        #expect(reason.contains("revision"))
        guard case .attachment = Self.mapper().map(Self.item(type: "attachment")) else {
            Issue.record("an attachment is an attachment")
            return
        }
    }

    @Test("slugs: percent-encoded unicode is decoded and transliterated; an empty one follows the title")
    func slugs() throws {
        var item = Self.item()
        item.postName = "%c3%bcber-die-br%c3%bccke"
        #expect(try Self.mapped(item).article.slug.value == "uber-die-brucke")
        item.postName = ""
        item.title = "Harbour &amp; town"
        let mapped = try Self.mapped(item)
        #expect(
            mapped.article.slug.value == "harbour-and-town" && mapped.article.title == "Harbour & town",
            "\(mapped.article.slug.value)")
    }

    @Test("the first category is the section, others become tags; term slugs are WordPress's own")
    func terms() throws {
        var item = Self.item()
        item.terms = [
            WXR.Term(domain: "category", slug: "port", name: "Port &amp; Ships"),
            WXR.Term(domain: "category", slug: "news", name: "News"),
            WXR.Term(domain: "post_tag", slug: "c-plus-plus", name: "C++"),
            WXR.Term(domain: "post_format", slug: "post-format-aside", name: "Aside"),
        ]
        let mapped = try Self.mapped(item)
        #expect(mapped.article.category == NamedTerm(name: "Port & Ships", slug: Slug(trusted: "port")))
        #expect(mapped.article.tags.map(\.slug.value) == ["news", "c-plus-plus"])
        #expect(mapped.notes.contains { $0.contains("“News” became a tag") })
    }

    @Test("old addresses: the permalink, ?p=, ?page_id= for pages and the attachment pages")
    func oldPaths() throws {
        var catalog = WordPressCatalog()
        catalog.note(.item(Self.attachment(id: "31", parent: "7")))
        var item = Self.item(type: "page")
        item.link = "https://old.example/about/team/"
        #expect(
            try Self.mapped(item, catalog).oldPaths == ["/about/team/", "/?p=7", "/?page_id=7", "/?attachment_id=31"])
        item.link = "https://old.example/?page_id=7"
        #expect(try Self.mapped(item, catalog).oldPaths == ["/?page_id=7", "/?p=7", "/?attachment_id=31"])
    }

    @Test("comments: statuses, plain text, keys under the site, parents by key")
    func comments() throws {
        var catalog = WordPressCatalog()
        catalog.site.baseSiteURL = "https://Old.example/"
        var item = Self.item()
        var comment = WXR.Comment()
        comment.id = "5"
        comment.parentID = "4"
        comment.content = "I <em>agree</em> &amp; more"
        comment.approved = "spam"
        comment.url = "javascript:alert(1)"
        comment.email = " Reader@Example.COM "
        item.comments = [comment]
        let stored = try #require(try Self.mapped(item, catalog).comments.first)
        #expect(stored.key == "old.example|comment|5" && stored.parentKey == "old.example|comment|4")
        #expect(stored.body == "I agree & more" && stored.status == .spam)
        #expect(
            stored.authorURL == "" && stored.authorName == "Anonymous" && stored.authorEmail == "reader@example.com")
        #expect(
            ["1": ModerationStatus.approved, "0": .pending, "spam": .spam, "trash": .trash, "post-trashed": .trash]
                .allSatisfy {
                    WordPressItemMapper.moderation($0.key) == $0.value
                })
    }

    @Test("a featured image takes the attachment's address, alternative text and caption")
    func featuredImage() throws {
        var catalog = WordPressCatalog()
        catalog.note(.item(Self.attachment(id: "31", parent: "7")))
        var item = Self.item()
        item.meta["_thumbnail_id"] = "31"
        let image = try #require(try Self.mapped(item, catalog).article.image)
        #expect(image.url == "https://old.example/a.jpg" && image.alt == "The quay" && image.caption == "At dawn")
    }

    @Test("without its own excerpt, a post's excerpt is the start of its first paragraph, as plain text")
    func excerpt() throws {
        var item = Self.item()
        item.content = "First <em>paragraph</em> here,\nstill first.\n\nSecond paragraph."
        let derived = try Self.mapped(item).article.excerpt
        #expect(derived == "First paragraph here, still first.", "\(derived.debugDescription)")
        item.excerpt = "Its own &amp; excerpt"
        #expect(try Self.mapped(item).article.excerpt == "Its own & excerpt")
    }

    @Test("an article WordPress could hold but Gazette cannot is left out with the reason")
    func invalid() {
        var item = Self.item()
        item.content = String(repeating: "x", count: Limits.bodyLength + 1)
        guard case .skipped(let reason) = Self.mapper().map(item) else {
            Issue.record("too long a body is skipped")
            return
        }
        #expect(reason.contains("too long"))
    }

    static func attachment(id: String, parent: String) -> WXR.Item {
        var attachment = WXR.Item()
        attachment.postID = id
        attachment.postType = "attachment"
        attachment.parentID = parent
        attachment.attachmentURL = "https://old.example/a.jpg"
        attachment.excerpt = "At dawn"
        attachment.meta["_wp_attachment_image_alt"] = "The quay"
        return attachment
    }
}

@Suite("Finding markers by their bytes")
struct ByteSearchTests {
    @Test(
        "the offset past the first match, or nil",
        arguments: [
            ("<p>One</p><p>Two</p>", "</p>", 10), ("abc", "abcd", nil), ("", "x", nil), ("x", "", nil),
            ("Über <!--more--> rest", "<!--more-->", 17), ("aab", "ab", 3), ("no marker", "<!--more-->", nil),
        ] as [(String, String, Int?)])
    func end(text: String, needle: String, expected: Int?) {
        #expect(ByteSearch.end(of: needle, in: text) == expected)
    }
}
