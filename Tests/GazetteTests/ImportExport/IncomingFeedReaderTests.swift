import Foundation
import Testing

@testable import Gazette
@testable import GazetteServices
@testable import GazetteWeb

/// Feeds written by hand from RSS 0.91, 1.0 and 2.0, Atom 0.3 and 1.0 and JSON Feed 1.0 and 1.1, with the
/// faults real feeds have.
@Suite("Reading other outlets' feeds")
struct IncomingFeedReaderTests {
    static let rss2 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>Harbour Wire</title><link>https://wire.example/</link>
        <item><title>Ferry returns</title><link>https://wire.example/ferry</link>
          <guid isPermaLink="false">wire-1</guid><pubDate>Tue, 05 Mar 2024 08:30:00 +0100</pubDate>
          <dc:creator>Jane Roe</dc:creator><category>Port</category><category>Ferries</category>
          <description>&lt;p&gt;Short.&lt;/p&gt;</description>
          <content:encoded><![CDATA[<p>The <b>ferry</b> is back.</p>]]></content:encoded>
          <enclosure url="https://wire.example/ferry.jpg" type="image/jpeg" length="1"/></item>
        <item><title>Second</title><link>https://wire.example/second</link><description>Only a summary</description>
          <pubDate>Wed, 6 Mar 24 10:00 EST</pubDate><author>desk@wire.example (Desk)</author></item>
        </channel></rss>
        """

    static func read(_ text: String) throws -> IncomingFeed { try IncomingFeedReader.read(Data(text.utf8)) }

    @Test("RSS 2.0: content, guid, dates with zones, creator, categories, image")
    func rss2() throws {
        let feed = try Self.read(Self.rss2)
        #expect(feed.title == "Harbour Wire" && feed.link == "https://wire.example/")
        let first = try #require(feed.entries.first)
        #expect(first.id == "wire-1" && first.link == "https://wire.example/ferry" && first.title == "Ferry returns")
        #expect(first.html == "<p>The <b>ferry</b> is back.</p>" && first.summary == "<p>Short.</p>")
        #expect(first.published == Date(timeIntervalSince1970: 1_709_623_800))
        #expect(first.author == "Jane Roe" && first.categories == ["Port", "Ferries"])
        #expect(first.imageURL == "https://wire.example/ferry.jpg")
        let second = feed.entries[1]
        #expect(second.identity == "https://wire.example/second" && second.author == "Desk")
        #expect(second.published == Date(timeIntervalSince1970: 1_709_737_200), "10:00 EST is 15:00 UTC")
    }

    @Test("RSS 1.0 (RDF) and RSS 0.91, without guids or dates")
    func olderRSS() throws {
        let rdf = try Self.read(
            """
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
              xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel rdf:about="https://old.example/"><title>Old Wire</title><link>https://old.example/</link></channel>
            <item rdf:about="https://old.example/a"><title>An item</title><link>https://old.example/a</link>
              <description>Text</description><dc:date>2024-03-05T08:30:00Z</dc:date></item>
            </rdf:RDF>
            """)
        #expect(rdf.title == "Old Wire" && rdf.entries.count == 1)
        #expect(rdf.entries[0].published == Date(timeIntervalSince1970: 1_709_627_400))
        let old = try Self.read(
            """
            <rss version="0.91"><channel><title>Plain</title><link>https://plain.example/</link>
            <item><title>No date</title><link>https://plain.example/1</link><description>Words</description></item>
            </channel></rss>
            """)
        #expect(old.entries.map(\.identity) == ["https://plain.example/1"] && old.entries[0].published == nil)
    }

    @Test("Atom 1.0 and 0.3: alternate links, HTML, XHTML and text content, published and issued dates")
    func atom() throws {
        let atom = try Self.read(
            """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
            <link rel="self" href="https://atom.example/feed"/><link href="https://atom.example/"/>
            <entry><title type="html">Ferry &amp;amp; port</title><id>tag:atom.example,2024:1</id>
              <link rel="alternate" href="https://atom.example/1"/><published>2024-03-05T09:30:00+01:00</published>
              <updated>2024-03-06T00:00:00Z</updated><author><name>Ana</name></author>
              <category term="port" label="Port"/>
              <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>An <em>xhtml</em> body</p></div></content></entry>
            <entry><title>Text</title><id>2</id><link href="https://atom.example/2"/>
              <content type="text">Line &lt;one&gt;

            Line two</content></entry>
            </feed>
            """)
        #expect(atom.title == "Atom Wire" && atom.link == "https://atom.example/")
        let first = try #require(atom.entries.first)
        #expect(first.title == "Ferry & port" && first.link == "https://atom.example/1" && first.author == "Ana")
        #expect(first.html == "<p>An <em>xhtml</em> body</p>", "\(first.html)")
        #expect(first.published == Date(timeIntervalSince1970: 1_709_627_400) && first.categories == ["Port"])
        #expect(atom.entries[1].html == "<p>Line &lt;one&gt;</p>\n<p>Line two</p>", "\(atom.entries[1].html)")

        let old = try Self.read(
            """
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old Atom</title>
            <entry><title>Escaped</title><id>x</id><issued>2004-01-02T03:04:05Z</issued>
              <content type="text/html" mode="escaped">&lt;p&gt;Hello&lt;/p&gt;</content></entry></feed>
            """)
        #expect(old.entries.first?.html == "<p>Hello</p>")
        #expect(old.entries.first?.published == Date(timeIntervalSince1970: 1_073_012_645))
    }

    @Test("JSON Feed 1.1 and 1.0: HTML or text content, authors, numeric ids, tags")
    func jsonFeed() throws {
        let feed = try Self.read(
            """
            {"version": "https://jsonfeed.org/version/1.1", "title": "JSON Wire", "home_page_url": "https://json.example/",
             "items": [
               {"id": "1", "url": "https://json.example/1", "title": "One", "content_html": "<p>One</p>",
                "date_published": "2024-03-05T08:30:00Z", "authors": [{"name": "Ana"}], "tags": ["port"],
                "image": "https://json.example/1.jpg"},
               {"id": 2, "url": "https://json.example/2", "content_text": "Plain & simple"}
             ]}
            """)
        #expect(feed.title == "JSON Wire" && feed.entries.count == 2)
        #expect(feed.entries[0].html == "<p>One</p>" && feed.entries[0].author == "Ana")
        #expect(feed.entries[0].imageURL == "https://json.example/1.jpg" && feed.entries[0].categories == ["port"])
        #expect(feed.entries[1].id == "2" && feed.entries[1].html == "<p>Plain &amp; simple</p>")
        let old = try Self.read(
            #"{"version": "https://jsonfeed.org/version/1", "items": [{"id": "a", "author": {"name": "Bo"}}]}"#)
        #expect(old.entries.first?.author == "Bo")
    }

    @Test(
        "feeds in the encodings they declare are read as written",
        arguments: [
            ("euc-kr", [0xB3, 0xE2, 0xC7, 0xD1, 0xB1, 0xB9] as [UInt8], "년한국"),
            ("GB2312", [0xD6, 0xD0, 0xCE, 0xC4], "中文"), ("Big5", [0xA4, 0xA4, 0xA4, 0xE5], "中文"),
            ("Shift_JIS", [0x93, 0xFA, 0x96, 0x7B], "日本"), ("KOI8-R", [0xED, 0xC9, 0xD2], "Мир"),
            ("windows-1251", [0xCC, 0xE8, 0xF0], "Мир"), ("ISO-8859-2", [0xA3, 0xF3, 0x64, 0xBC], "Łódź"),
            ("ISO-8859-7", [0xC1, 0xE8, 0xDE, 0xED, 0xE1], "Αθήνα"),
        ])
    func declaredEncodings(charset: String, title: [UInt8], expected: String) throws {
        var feed = Data("<?xml version=\"1.0\" encoding=\"\(charset)\"?><rss><channel><item><title>".utf8)
        feed.append(contentsOf: title)
        feed.append(contentsOf: Data("</title><link>https://l.example/1</link></item></channel></rss>".utf8))
        let read = try IncomingFeedReader.read(feed)
        #expect(read.entries.first?.title == expected, "\(charset)")
    }

    @Test("ill-formed feeds still read: a wrong encoding either way, HTML entities, bare ampersands")
    func lenient() throws {
        // Declared UTF-8, written in Latin-1.
        var latin1 = Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><channel><item><title>Caf".utf8)
        latin1.append(0xE9)
        latin1.append(
            contentsOf: Data(" Z\u{FC}rich</title><link>https://l.example/1</link></item></channel></rss>".utf8).map {
                $0
            })
        let fromLatin1 = try IncomingFeedReader.read(latin1)
        #expect(fromLatin1.entries.first?.title.hasPrefix("Café") == true, "\(fromLatin1.entries)")
        // Declared ISO-8859-1, written in UTF-8.
        let utf8 = try Self.read(
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><title>Zürich</title></item></channel></rss>"
        )
        #expect(utf8.entries.first?.title == "Zürich")
        let entities = try Self.read(
            """
            <rss><channel><title>Tom & Jerry&nbsp;News</title><item><title>Caf&eacute; &mdash; &unknownthing; R&D</title>
            <description><![CDATA[<p>Kept &nbsp; as written</p>]]></description></item></channel></rss>
            """)
        #expect(entities.title == "Tom & Jerry\u{A0}News")
        #expect(entities.entries.first?.title == "Café — &unknownthing; R&D")
        #expect(entities.entries.first?.summary == "<p>Kept &nbsp; as written</p>")
        let noDates = try Self.read(
            "<rss><channel><item><title>When?</title><pubDate>someday</pubDate></item></channel></rss>")
        #expect(noDates.entries.first?.published == nil)
    }

    @Test(
        "what is not a feed is refused with a sentence saying what it is",
        arguments: [
            ("", "empty"), ("just text", "line 1"), ("<html><body>Hi</body></html>", "web page"),
            ("<!DOCTYPE html><html></html>", "web page"), ("<note><to>x</to></note>", "not a feed"),
            (#"{"items": []}"#, "not a JSON Feed"),
            (#"{"version": "https://jsonfeed.org/version/1", "items": 5"#, "JSON Feed"),
            ("<rss><channel><item><title>Cut", "line"),
        ])
    func refusals(text: String, expected: String) {
        #expect {
            try Self.read(text)
        } throws: { error in
            "\(error)".contains(expected)
        }
    }
}
