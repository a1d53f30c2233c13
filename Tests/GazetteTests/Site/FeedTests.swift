import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import HTTPTypes
import Testing

@testable import GazetteServices
@testable import GazetteWeb

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads an XML document the way a strict parser does: elements in order, with their text.
final class XMLOutline: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var texts: [String: [String]] = [:]
    private var stack: [String] = []
    private var text = ""

    static func parse(_ xml: String) -> XMLOutline? {
        let outline = XMLOutline()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.shouldProcessNamespaces = false
        parser.delegate = outline
        return parser.parse() ? outline : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append((name, attributes))
        stack.append(name)
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        texts[stack.joined(separator: "/"), default: []].append(text)
        stack.removeLast()
        text = ""
    }

    func all(_ path: String) -> [String] { texts[path] ?? [] }
}

@Suite("Feeds")
struct FeedTests {
    @Test(
        "the RSS feed carries full text, authors, categories, permalinks and the source",
        arguments: TestEngine.available)
    func rss(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let feed = try await site.get("/feed/")
            #expect(feed.status == .ok)
            #expect(feed.headers[.contentType] == "application/rss+xml; charset=utf-8")
            let xml = try #require(XMLOutline.parse(feed.body), "the feed is well-formed XML")
            #expect(xml.all("rss/channel/title") == ["The Test Times"])
            #expect(
                xml.all("rss/channel/item/title") == [
                    "Council approves the new library", "Markets rally on rate news", "October feature",
                ])
            #expect(
                xml.all("rss/channel/item/guid").first
                    == "https://news.example.com/2026/11/28/council-approves-the-new-library/")
            #expect(xml.all("rss/channel/item/dc:creator") == ["Jane Doe", "Sam Lee", "Jane Doe"])
            #expect(xml.all("rss/channel/item/category").contains("Libraries"))
            let content = try #require(xml.all("rss/channel/item/content:encoded").first)
            #expect(content.contains("The council voted on <strong>Tuesday</strong>."))
            #expect(content.contains("An earlier version gave the wrong date for the vote."))
            let pictures = xml.elements.filter { $0.name == "media:content" }
            #expect(pictures.count == 1, "only the article with a featured image has one")
            #expect(pictures.first?.attributes["url"] == "https://img.example/library.jpg")
            #expect(pictures.first?.attributes["medium"] == "image")
            #expect(pictures.first?.attributes["type"] == "image/jpeg")
            #expect(feed.body.contains(#"xmlns:media="http://search.yahoo.com/mrss/""#))
            let markets = xml.all("rss/channel/item/content:encoded")[1]
            #expect(markets.contains(#"Source: <a href="https://wire.example/markets-rally">Wire Agency</a>"#))
            #expect(xml.all("rss/channel/item/source") == ["Wire Agency"])
            #expect(
                xml.elements.first { $0.name == "source" }?.attributes["url"]
                    == "https://news.example.com/source/wire-agency/feed/")
            #expect(!feed.contains("Secret draft") && !feed.contains("private@example.com"))
        }
    }

    @Test("Atom and JSON Feed say the same in their own formats", arguments: [TestEngine.sqlite])
    func atomAndJSON(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let atom = try await site.get("/feed/atom/")
            #expect(atom.headers[.contentType] == "application/atom+xml; charset=utf-8")
            let xml = try #require(XMLOutline.parse(atom.body))
            #expect(xml.all("feed/entry/id").count == 3)
            #expect(xml.all("feed/entry/author/name").first == "Jane Doe")
            #expect(xml.elements.contains { $0.name == "link" && $0.attributes["rel"] == "via" })
            let enclosures = xml.elements.filter { $0.name == "link" && $0.attributes["rel"] == "enclosure" }
            #expect(enclosures.map { $0.attributes["href"] } == ["https://img.example/library.jpg"])
            #expect(enclosures.first?.attributes["type"] == "image/jpeg")
            #expect(xml.all("feed/updated").first?.hasSuffix("Z") == true)

            let json = try await site.get("/feed.json")
            #expect(json.headers[.contentType] == "application/feed+json; charset=utf-8")
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(json.body.utf8)) as? [String: Any])
            #expect(document["version"] as? String == "https://jsonfeed.org/version/1.1")
            #expect(document["feed_url"] as? String == "https://news.example.com/feed.json")
            let items = try #require(document["items"] as? [[String: Any]])
            #expect(items.count == 3)
            #expect(items[1]["external_url"] as? String == "https://wire.example/markets-rally")
            #expect((items[0]["content_html"] as? String)?.contains("<strong>Tuesday</strong>") == true)
            #expect((items[0]["image"] as? String) == "https://img.example/library.jpg")
        }
    }

    @Test("each tag, category, author and source has its feeds; others are not found", arguments: [TestEngine.sqlite])
    func archiveFeeds(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let council = try #require(XMLOutline.parse(try await site.get("/tag/council/feed/").body))
            #expect(council.all("rss/channel/item/title") == ["Council approves the new library", "October feature"])
            #expect(council.all("rss/channel/title") == ["The Test Times – Tag: Council"])
            let jane = try await site.get("/author/jane-doe/feed.json")
            #expect(jane.status == .ok && !jane.contains("Markets rally"))
            #expect(try await site.get("/source/wire-agency/feed/atom/").contains("Markets rally"))
            #expect(try await site.get("/category/business/feed/").contains("Markets rally"))
            #expect(try await site.get("/tag/no-such-tag/feed/").status == .notFound)
            #expect(try await site.get("/2026/feed/").status == .notFound)
            #expect(try await site.get("/feed").location == "/feed/")
            let home = try await site.get("/")
            #expect(
                home.contains(
                    #"<link rel="alternate" type="application/rss+xml" title="The Test Times (RSS)" href="https://news.example.com/feed/">"#
                ))
            let tag = try await site.get("/tag/council/")
            #expect(tag.contains(#"href="https://news.example.com/tag/council/feed.json""#))
        }
    }

    @Test("a feed reader that already has the feed gets 304 Not Modified", arguments: [TestEngine.sqlite])
    func conditional(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let first = try await site.get("/feed/")
            let tag = try #require(first.headers[.eTag])
            let modified = try #require(first.headers[.lastModified])
            var byTag = HTTPFields()
            byTag[.ifNoneMatch] = tag
            let notModified = try await site.get("/feed/", headers: byTag)
            #expect(notModified.status == .notModified)
            let length = notModified.headers[.contentLength]
            #expect(length == nil || length == first.headers[.contentLength], "never a false Content-Length: 0")
            var byDate = HTTPFields()
            byDate[.ifModifiedSince] = modified
            #expect(try await site.get("/feed/", headers: byDate).status == .notModified)
            var stale = HTTPFields()
            stale[.ifNoneMatch] = "\"something-else\""
            #expect(try await site.get("/feed/", headers: stale).status == .ok)
        }
    }

    @Test("hostile titles and control characters still give well-formed feeds", arguments: [TestEngine.sqlite])
    func hostile(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let author = try #require(try await site.services.authors.find(slug: Slug(trusted: "jane-doe")))
            try await site.services.publishing.save(
                ArticleDraft(
                    title: "Tom & Jerry <script>alert(\"x\")</script> ]]> \u{1}\u{7F}\u{C}\u{FFFE}",
                    dek: "Bell \u{7} & more",
                    bodyMarkdown: "Text with ]]> and <b>bold</b> & \u{0}nul.", status: .published,
                    publishedAt: TestSite.now.addingTimeInterval(-60), authorID: author.id, tags: ["A&B"]))
            for path in ["/feed/", "/feed/atom/"] {
                let body = try await site.get(path).body
                #expect(XMLOutline.parse(body) != nil, "\(path) is well-formed")
                #expect(!body.contains("<script>"))
            }
            let json = try await site.get("/feed.json")
            #expect(try JSONSerialization.jsonObject(with: Data(json.body.utf8)) is [String: Any])
        }
    }
}
