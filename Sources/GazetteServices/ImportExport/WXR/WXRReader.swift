import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads a WordPress export as a stream: each author, category, tag and item is handed to `receive` as soon
/// as its closing tag has been read, so memory holds one item at a time however large the file.
///
/// Element names are matched by namespace, not prefix, and any `wordpress.org/export/1.x/` namespace is
/// WordPress's (exports use http and https, 1.0 to 1.2). Text split over several CDATA sections is joined.
public final class WXRReader: NSObject, XMLParserDelegate {
    private enum Space { case plain, wp, excerpt, content, dc, other }

    private let parser: XMLParser
    private let receive: (WXR.Entry) throws -> Void
    private var path: [(space: Space, name: String)] = []
    private var text = ""
    private var failure: (any Error)?
    private var sawWordPress = false
    private var site = WXR.Site()
    private var siteSent = false
    private var author: WXR.Author?
    private var category: WXR.Category?
    private var tag: WXR.Tag?
    private var item: WXR.Item?
    private var comment: WXR.Comment?
    private var term: WXR.Term?
    private var metaKey = ""
    private var metaValue = ""

    private init(parser: XMLParser, receive: @escaping (WXR.Entry) throws -> Void) {
        self.parser = parser
        self.receive = receive
        super.init()
        parser.delegate = self
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
    }

    /// Reads the file at `url`; throws `WXR.ReadError` for a file that is not a readable export, or what
    /// `receive` throws.
    public static func read(contentsOf url: URL, _ receive: @escaping (WXR.Entry) throws -> Void) throws {
        guard let stream = InputStream(url: url), FileManager.default.isReadableFile(atPath: url.path) else {
            throw WXR.ReadError(message: "Cannot read \(url.path): no such file, or it is not readable.")
        }
        try WXRReader(parser: XMLParser(stream: stream), receive: receive).run()
    }

    /// Reads an export held in memory (tests, small files).
    public static func read(data: Data, _ receive: @escaping (WXR.Entry) throws -> Void) throws {
        try WXRReader(parser: XMLParser(data: data), receive: receive).run()
    }

    private func run() throws {
        let finished = parser.parse()
        if let failure { throw failure }
        if !finished {
            throw WXR.ReadError(
                message: parser.parserError.map(Self.explain) ?? "The file is not well-formed XML.",
                line: parser.lineNumber, column: parser.columnNumber)
        }
        // The parser can report success for a file cut off between two elements; what is still open says so.
        if let open = path.last {
            throw WXR.ReadError(
                message: "The file ends inside <\(open.name)>: it was cut short (copy it again, or export again)",
                line: parser.lineNumber, column: parser.columnNumber)
        }
        guard sawWordPress else {
            throw WXR.ReadError(
                message: "This is not a WordPress export: it has no WordPress (wp:) elements. "
                    + "For an RSS or Atom feed, use gazette import feed.")
        }
        try sendSiteOnce()
    }

    private static func explain(_ error: any Error) -> String {
        "The file cannot be read: " + XMLProblem.describe(error) + "."
    }

    private func fail(_ error: any Error) {
        if failure == nil { failure = error }
        parser.abortParsing()
    }

    /// Hands an entry over, after the site's header the first time: the header is complete once the
    /// channel's first author, term or item begins.
    private func send(_ entry: WXR.Entry) throws {
        try sendSiteOnce()
        try receive(entry)
    }

    private func sendSiteOnce() throws {
        guard !siteSent else { return }
        siteSent = true
        try receive(.site(site))
    }

    /// Namespaces seen so far; a file uses a handful, on every element.
    private var spaces: [String: Space] = [:]

    private func space(_ uri: String?) -> Space {
        guard let uri, !uri.isEmpty else { return .plain }
        if let known = spaces[uri] { return known }
        let space = Self.space(of: uri)
        spaces[uri] = space
        return space
    }

    private static func space(of uri: String) -> Space {
        if uri.contains("wordpress.org/export/") { return uri.hasSuffix("excerpt/") ? .excerpt : .wp }
        if uri.contains("purl.org/rss/1.0/modules/content") { return .content }
        if uri.contains("purl.org/dc/elements/1.1") { return .dc }
        return .other
    }

    // MARK: XMLParserDelegate

    public func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let space = space(namespaceURI)
        if space == .wp || space == .excerpt { sawWordPress = true }
        if path.isEmpty, !(space == .plain && name == "rss") {
            fail(
                WXR.ReadError(
                    message:
                        "This is not a WordPress export: its root element is <\(qualifiedName ?? name)>, not <rss>.",
                    line: parser.lineNumber, column: parser.columnNumber))
            return
        }
        path.append((space, name))
        text = ""
        switch (space, name) {
        case (.wp, "author") where item == nil: author = WXR.Author()
        case (.wp, "category") where item == nil: category = WXR.Category()
        case (.wp, "tag") where item == nil: tag = WXR.Tag()
        case (.plain, "item"): item = WXR.Item()
        case (.wp, "comment") where item != nil: comment = WXR.Comment()
        case (.wp, "postmeta") where item != nil:
            metaKey = ""
            metaValue = ""
        case (.plain, "category") where item != nil:
            term = WXR.Term(domain: attributes["domain"] ?? "category", slug: attributes["nicename"] ?? "", name: "")
        default: break
        }
    }

    public func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    public func parser(_ parser: XMLParser, foundCDATA block: Data) {
        text += String(decoding: block, as: UTF8.self)
    }

    public func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard let (space, _) = path.popLast() else { return }
        let value = text
        text = ""
        do {
            if comment != nil {
                try endComment(space, name, value)
            } else if item != nil {
                try endItem(space, name, value)
            } else if author != nil {
                try endAuthor(space, name, value)
            } else if category != nil {
                try endCategory(space, name, value)
            } else if tag != nil {
                try endTag(space, name, value)
            } else if path.count == 2 {
                // A header element of the channel (rss > channel > this).
                switch (space, name) {
                case (.plain, "title"): site.title = value
                case (.plain, "link"): site.link = value
                case (.wp, "wxr_version"): site.version = value
                case (.wp, "base_site_url"): site.baseSiteURL = value
                case (.wp, "base_blog_url"): site.baseBlogURL = value
                default: break
                }
            }
        } catch {
            fail(error)
        }
    }

    public func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if failure == nil {
            failure = WXR.ReadError(
                message: Self.explain(parseError), line: parser.lineNumber, column: parser.columnNumber)
        }
    }

    // MARK: Pieces

    private func endAuthor(_ space: Space, _ name: String, _ value: String) throws {
        switch (space, name) {
        case (.wp, "author_id"): author?.id = value
        case (.wp, "author_login"): author?.login = value
        case (.wp, "author_email"): author?.email = value
        case (.wp, "author_display_name"): author?.displayName = value
        case (.wp, "author_first_name"): author?.firstName = value
        case (.wp, "author_last_name"): author?.lastName = value
        case (.wp, "author"):
            if let finished = author { try send(.author(finished)) }
            author = nil
        default: break
        }
    }

    private func endCategory(_ space: Space, _ name: String, _ value: String) throws {
        switch (space, name) {
        case (.wp, "term_id"): category?.termID = value
        case (.wp, "category_nicename"): category?.slug = value
        case (.wp, "category_parent"): category?.parentSlug = value
        case (.wp, "cat_name"): category?.name = value
        case (.wp, "category_description"): category?.description = value
        case (.wp, "category"):
            if let finished = category { try send(.category(finished)) }
            category = nil
        default: break
        }
    }

    private func endTag(_ space: Space, _ name: String, _ value: String) throws {
        switch (space, name) {
        case (.wp, "term_id"): tag?.termID = value
        case (.wp, "tag_slug"): tag?.slug = value
        case (.wp, "tag_name"): tag?.name = value
        case (.wp, "tag"):
            if let finished = tag { try send(.tag(finished)) }
            tag = nil
        default: break
        }
    }

    private func endItem(_ space: Space, _ name: String, _ value: String) throws {
        switch (space, name) {
        case (.plain, "title"): item?.title = value
        case (.plain, "link"): item?.link = value
        case (.plain, "guid"): item?.guid = value
        case (.dc, "creator"): item?.creator = value
        case (.content, "encoded"): item?.content = value
        case (.excerpt, "encoded"): item?.excerpt = value
        case (.wp, "post_id"): item?.postID = value
        case (.wp, "post_date"): item?.postDate = value
        case (.wp, "post_date_gmt"): item?.postDateGMT = value
        case (.wp, "post_name"): item?.postName = value
        case (.wp, "status"): item?.status = value
        case (.wp, "post_type"): item?.postType = value
        case (.wp, "post_parent"): item?.parentID = value
        case (.wp, "comment_status"): item?.commentStatus = value
        case (.wp, "is_sticky"): item?.isSticky = value.trimmingCharacters(in: .whitespaces) == "1"
        case (.wp, "attachment_url"): item?.attachmentURL = value
        case (.wp, "meta_key"): metaKey = value
        case (.wp, "meta_value"): metaValue = value
        case (.wp, "postmeta"): if !metaKey.isEmpty { item?.meta[metaKey] = metaValue }
        case (.plain, "category"):
            if var finished = term {
                finished.name = value
                item?.terms.append(finished)
            }
            term = nil
        case (.plain, "item"):
            if let finished = item { try send(.item(finished)) }
            item = nil
        default: break
        }
    }

    private func endComment(_ space: Space, _ name: String, _ value: String) throws {
        switch (space, name) {
        case (.wp, "comment_id"): comment?.id = value
        case (.wp, "comment_author"): comment?.author = value
        case (.wp, "comment_author_email"): comment?.email = value
        case (.wp, "comment_author_url"): comment?.url = value
        case (.wp, "comment_author_IP"): comment?.ip = value
        case (.wp, "comment_date"): comment?.date = value
        case (.wp, "comment_date_gmt"): comment?.dateGMT = value
        case (.wp, "comment_content"): comment?.content = value
        case (.wp, "comment_approved"): comment?.approved = value
        case (.wp, "comment_type"): comment?.type = value
        case (.wp, "comment_parent"): comment?.parentID = value
        case (.wp, "comment_user_id"): comment?.userID = value
        case (.wp, "comment"):
            if let finished = comment { item?.comments.append(finished) }
            comment = nil
        default: break
        }
    }
}
