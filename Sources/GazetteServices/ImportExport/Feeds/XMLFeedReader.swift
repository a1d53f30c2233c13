import Foundation
import GazetteContent

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads RSS 0.9x, 1.0 (RDF) and 2.0, and Atom 0.3 and 1.0, matching elements by their local names so
/// that feeds which mix namespaces, or forget them, still read. Atom XHTML content is written back out as
/// markup. The bytes are repaired first (`FeedText`): wrong encodings and HTML entities are common.
package final class XMLFeedReader: NSObject, XMLParserDelegate {
    private var feed = IncomingFeed()
    private var entry: IncomingFeed.Entry?
    private var path: [String] = []
    private var text = ""
    private var rootName = ""
    /// The element whose XHTML children are being written out, and how deep inside it the parser is.
    private var markupDepth = 0
    private var markup = ""
    private var textType = ""

    package static func read(_ data: Data) throws -> IncomingFeed {
        let parser = XMLParser(data: FeedText.repairedXML(data))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let reader = XMLFeedReader()
        parser.delegate = reader
        guard parser.parse() else {
            throw IncomingFeed.ReadError(
                message: "The feed could not be read at line \(parser.lineNumber), column \(parser.columnNumber): "
                    + XMLProblem.describe(parser.parserError) + ".")
        }
        if let open = reader.path.last {
            throw IncomingFeed.ReadError(
                message: "The feed ends inside <\(open)> at line \(parser.lineNumber): it was cut short.")
        }
        guard ["rss", "RDF", "feed"].contains(reader.rootName) else {
            throw IncomingFeed.ReadError(
                message:
                    "This is XML but not a feed: it starts with <\(reader.rootName)>, not <rss>, <rdf:RDF> or <feed>."
                    + (reader.rootName == "rss" ? "" : " A WordPress export is imported with gazette import wxr."))
        }
        return reader.feed
    }

    package func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if path.isEmpty { rootName = name }
        if markupDepth > 0 {
            markupDepth += 1
            markup +=
                "<\(name)"
                + attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\"\(HTMLText.escape($0.value))\"" }
                .joined() + ">"
            return
        }
        path.append(name)
        text = ""
        // Atom's text constructs are plain text unless they say otherwise; RSS's hold HTML.
        textType = attributes["type"] ?? attributes["mode"] ?? (rootName == "feed" ? "text" : "")
        switch name {
        case "item", "entry":
            entry = IncomingFeed.Entry()
        case "link" where attributes["href"] != nil:
            // Atom: the alternate link is the article (a link without rel is alternate).
            let rel = attributes["rel"] ?? "alternate"
            guard rel == "alternate", let href = attributes["href"] else { break }
            if entry != nil {
                if entry?.link.isEmpty == true { entry?.link = href }
            } else if feed.link.isEmpty {
                feed.link = href
            }
        case "enclosure", "content", "thumbnail":
            guard entry != nil else { break }
            if name == "content", attributes["url"] == nil {
                if textType == "xhtml" || textType == "xml" || textType == "application/xhtml+xml" {
                    markupDepth = 1
                    markup = ""
                }
            } else if let url = attributes["url"], entry?.imageURL.isEmpty == true,
                (attributes["type"] ?? attributes["medium"] ?? "image").hasPrefix("image")
            {
                entry?.imageURL = url
            }
        case "category" where entry != nil:
            if let term = attributes["label"] ?? attributes["term"], !term.isEmpty { entry?.categories.append(term) }
        case "title", "summary", "description":
            if textType == "xhtml" || textType == "xml" {
                markupDepth = 1
                markup = ""
            }
        default:
            break
        }
    }

    package func parser(_ parser: XMLParser, foundCharacters string: String) {
        if markupDepth > 0 { markup += HTMLText.escape(string) } else { text += string }
    }

    package func parser(_ parser: XMLParser, foundCDATA block: Data) {
        let string = String(decoding: block, as: UTF8.self)
        if markupDepth > 0 { markup += string } else { text += string }
    }

    package func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?)
    {
        if markupDepth > 1 {
            markupDepth -= 1
            markup += "</\(name)>"
            return
        }
        var value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var isMarkup = false
        if markupDepth == 1 {
            markupDepth = 0
            value = Self.unwrapDiv(markup.trimmingCharacters(in: .whitespacesAndNewlines))
            isMarkup = true
        }
        defer {
            if !path.isEmpty { path.removeLast() }
            text = ""
        }
        guard var current = entry else {
            if path.count <= 3, name == "title", feed.title.isEmpty { feed.title = value }
            if path.count <= 3, name == "link", feed.link.isEmpty, !value.isEmpty { feed.link = value }
            return
        }
        // Atom says what its text is; "text" has to be escaped to be used as HTML.
        let isText = textType == "text" || textType == "text/plain"
        let html = isMarkup || !isText ? value : HTMLText.escape(value)
        switch name {
        case "item", "entry":
            feed.entries.append(current)
            entry = nil
            return
        case "title":
            // RSS titles are text; Atom says when they are HTML.
            current.title =
                isMarkup || ["html", "text/html", "escaped"].contains(textType) ? PlainText.fromHTML(value) : value
        case "link" where !value.isEmpty: if current.link.isEmpty { current.link = value }
        case "guid", "id": current.id = value
        case "encoded", "content":
            if !value.isEmpty { current.html = isText && !isMarkup ? Self.paragraphs(value) : html }
        case "description": current.summary = value
        case "summary": current.summary = html
        case "pubDate", "published", "issued", "created", "date":
            if current.published == nil { current.published = IncomingFeedDates.parse(value) }
        case "updated", "modified": current.updated = IncomingFeedDates.parse(value)
        case "creator", "name": if current.author.isEmpty { current.author = value }
        case "author" where !value.isEmpty && !value.contains("\n"):
            // RSS: "editor@example.com (Jane Doe)".
            if current.author.isEmpty { current.author = Self.rssAuthor(value) }
        case "category" where !value.isEmpty: current.categories.append(value)
        default: break
        }
        entry = current
    }

    /// Atom puts XHTML content in one `div`; the content is what is inside it.
    private static func unwrapDiv(_ markup: String) -> String {
        guard markup.hasPrefix("<div"), markup.hasSuffix("</div>"), let open = markup.firstIndex(of: ">") else {
            return markup
        }
        return String(markup[markup.index(after: open)..<markup.index(markup.endIndex, offsetBy: -6)])
    }

    private static func rssAuthor(_ value: String) -> String {
        if let open = value.firstIndex(of: "("), let close = value.lastIndex(of: ")"), open < close {
            return String(value[value.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
        }
        return value.contains("@") ? "" : value
    }

    /// Plain text as HTML paragraphs (blank lines part them), for feeds that say their content is text.
    package static func paragraphs(_ text: String) -> String {
        text.components(separatedBy: "\n\n").map { "<p>" + HTMLText.escape($0) + "</p>" }.joined(separator: "\n")
    }
}
