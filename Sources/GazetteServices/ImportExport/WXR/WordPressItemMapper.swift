import Foundation
import GazetteContent
import GazetteStorage

/// Turns one WordPress item into what Gazette stores: an article or a page with its category, tags,
/// featured image and comments, and the old addresses that must keep working. Pure: no database, so each
/// rule is tested on its own.
package struct WordPressItemMapper: Sendable {
    /// The post types that become articles (`post`) and pages (`page`).
    package static let importedTypes: Set<String> = ["post", "page"]

    package let catalog: WordPressCatalog
    package let now: Date
    package let timeZone: TimeZone
    package let shortcodes: WordPressShortcodes
    package let htmlTrust: HTMLTrust

    package init(catalog: WordPressCatalog, now: Date, timeZone: TimeZone, htmlTrust: HTMLTrust = .untrusted) {
        self.catalog = catalog
        self.htmlTrust = htmlTrust
        self.now = now
        self.timeZone = timeZone
        shortcodes = WordPressShortcodes(attachments: catalog.attachmentURLs)
    }

    /// An item ready to store. `article.authorID` is still 0: the importer fills it in from `authorLogin`.
    package struct Mapped: Sendable {
        package var key: String
        package var article: ValidArticle
        package var authorLogin: String
        package var oldPaths: [String]
        package var comments: [ImportedComment]
        package var unknownShortcodes: Set<String>
        package var notes: [String]
        package var isSticky: Bool
    }

    package enum Outcome: Sendable {
        case mapped(Mapped)
        /// Not content (attachments, menus, revisions…) or not importable, with the reason for the report.
        case skipped(reason: String)
        /// An attachment: kept as an address that posts refer to, not as an article.
        case attachment
    }

    package func map(_ item: WXR.Item) -> Outcome {
        if item.postType == "attachment" { return .attachment }
        guard Self.importedTypes.contains(item.postType) else {
            return .skipped(reason: "a “\(item.postType.isEmpty ? "untyped" : item.postType)” item is not content")
        }
        if item.status == "auto-draft" || item.status == "inherit" {
            return .skipped(reason: "an automatic draft WordPress never showed")
        }
        var notes: [String] = []
        let date = WordPressDate.date(gmt: item.postDateGMT, local: item.postDate, timeZone: timeZone)
        let (status, publishedAt) = status(of: item, date: date, notes: &notes)
        let title = self.title(of: item, notes: &notes)
        var draft: ArticleDraft
        var unknownShortcodes: Set<String> = []
        if let markdown = item.meta[GazetteMeta.markdown] {
            // A Gazette export: the body is already the HTML readers saw, and its Markdown comes with it.
            draft = ArticleDraft(title: title, bodyMarkdown: markdown, bodyHTML: item.content, authorID: 0)
            gazetteFields(of: item, into: &draft)
        } else {
            let body = self.body(of: item)
            unknownShortcodes = body.unknown
            draft = ArticleDraft(title: title, bodyMarkdown: body.html, bodyHTML: body.html, authorID: 0)
        }
        draft.slug = slug(of: item)
        draft.bodyTrust = htmlTrust
        draft.excerpt = excerpt(of: item, body: draft.bodyHTML, notes: &notes)
        draft.status = status
        draft.publishedAt = publishedAt
        draft.commentStatus = item.commentStatus == "closed" ? .closed : .open
        draft.kind = item.postType == "page" ? .page : .article
        if let image = featuredImage(of: item, title: title) {
            draft.image = image
            draft.image?.credit = item.meta[GazetteMeta.imageCredit] ?? ""
        }
        draft.tags = []
        var article: ValidArticle
        do {
            article = try draft.validated(now: now)
        } catch {
            return .skipped(reason: error.issues.map(\.message).joined(separator: " "))
        }
        let (category, tags) = terms(of: item, notes: &notes)
        article.category = category
        article.tags = tags
        return .mapped(
            Mapped(
                key: "\(catalog.siteKey)|post|\(item.postID)", article: article, authorLogin: item.creator,
                oldPaths: oldPaths(of: item), comments: comments(of: item), unknownShortcodes: unknownShortcodes,
                notes: notes, isSticky: item.isSticky))
    }

    // MARK: Fields

    /// What a Gazette export carries beside WordPress's fields.
    private func gazetteFields(of item: WXR.Item, into draft: inout ArticleDraft) {
        draft.dek = item.meta[GazetteMeta.dek] ?? ""
        if let source = item.meta[GazetteMeta.source] {
            draft.sourceName = source
            draft.sourceURL = item.meta[GazetteMeta.sourceURL] ?? ""
        }
        draft.canonicalURL = item.meta[GazetteMeta.canonicalURL] ?? ""
        draft.corrections = item.meta[GazetteMeta.corrections].flatMap(GazetteMeta.decode) ?? []
    }

    private func status(of item: WXR.Item, date: Date?, notes: inout [String]) -> (ArticleStatus, Date?) {
        // A Gazette export names its exact status, and keeps the publication time of drafts too.
        if let exact = item.meta[GazetteMeta.status].flatMap(ArticleStatus.init(rawValue:)) {
            // Its UTC date is the publication time; a draft never published has none.
            let date = WordPressDate.secondsSinceEpoch(item.postDateGMT).map(Date.init(timeIntervalSince1970:))
            if exact == .scheduled, (date ?? .distantPast) <= now {
                notes.append("was scheduled for a time already past; imported as a draft")
                return (.draft, date)
            }
            return (exact, exact == .published ? date ?? now : date)
        }
        switch item.status {
        case "publish":
            return (.published, date ?? now)
        case "future":
            if let date, date > now { return (.scheduled, date) }
            notes.append("was scheduled for a time already past; imported as a draft")
            return (.draft, nil)
        case "trash":
            return (.trashed, date)
        case "draft", "pending", "private":
            return (.draft, nil)
        default:
            notes.append("has the status “\(item.status)”; imported as a draft")
            return (.draft, nil)
        }
    }

    private func title(of item: WXR.Item, notes: inout [String]) -> String {
        var title = PlainText.fromHTML(item.title).split(separator: "\n").joined(separator: " ")
        if title.isEmpty {
            title = "Untitled"
            notes.append("had no title; it is now “Untitled”")
        }
        if title.count > Limits.titleLength {
            title = String(title.prefix(Limits.titleLength))
            notes.append("had a title longer than \(Limits.titleLength) characters; it was shortened")
        }
        return title
    }

    /// The post's own slug (WordPress keeps non-ASCII slugs percent-encoded); nil lets the title decide.
    private func slug(of item: WXR.Item) -> String? {
        let name = item.postName.removingPercentEncoding ?? item.postName
        guard !name.isEmpty else { return nil }
        if let valid = Slug(validating: name) { return valid.value }
        return Slug(from: name)?.value
    }

    /// The post's own excerpt, else the opening of its first paragraph (Gazette's own rule reads Markdown).
    private func excerpt(of item: WXR.Item, body: String, notes: inout [String]) -> String {
        let excerpt = PlainText.fromHTML(item.excerpt)
        if excerpt.isEmpty {
            // The first paragraph: up to its end tag, or a generous slice when it has none.
            let utf8 = body.utf8
            let end = min(ByteSearch.end(of: "</p>", in: body) ?? utf8.count, Excerpt.defaultLength * 8, utf8.count)
            let opening = PlainText.fromHTML(String(decoding: utf8.prefix(end), as: UTF8.self))
            let paragraphEnd = ByteSearch.end(of: "\n\n", in: opening).map { $0 - 2 } ?? opening.utf8.count
            let paragraph = String(decoding: opening.utf8.prefix(paragraphEnd), as: UTF8.self)
            return Excerpt.shorten(paragraph.split(separator: "\n").joined(separator: " "), to: Excerpt.defaultLength)
        }
        guard excerpt.count > Limits.excerptLength else { return excerpt }
        notes.append("had an excerpt longer than \(Limits.excerptLength) characters; it was shortened")
        return String(excerpt.prefix(Limits.excerptLength))
    }

    /// The body as WordPress showed it: shortcodes turned into HTML, then its automatic paragraphs (which
    /// block-editor posts already have written out). The "read more" marker has no meaning here.
    private func body(of item: WXR.Item) -> WordPressShortcodes.Result {
        let marker = "<!--more-->"
        let hasMarker = ByteSearch.end(of: marker, in: item.content) != nil
        var result = shortcodes.html(hasMarker ? item.content.replacing(marker, with: "") : item.content)
        if ByteSearch.end(of: "<!-- wp:", in: result.html) == nil {
            result.html = WordPressParagraphs.html(result.html)
        }
        return result
    }

    private func featuredImage(of item: WXR.Item, title: String) -> FeaturedImage? {
        guard let id = item.meta["_thumbnail_id"], let attachment = catalog.attachments[id],
            WebAddress.isHTTP(attachment.url)
        else { return nil }
        // WordPress does not require alternative text; the attachment's title, then the headline, stand in.
        let alt = [attachment.alt, PlainText.fromHTML(attachment.title), title].first { !$0.isEmpty } ?? title
        return FeaturedImage(
            url: attachment.url, alt: String(alt.prefix(Limits.captionLength)),
            caption: String(PlainText.fromHTML(attachment.caption).prefix(Limits.captionLength)))
    }

    /// The first category is the article's; further ones become tags, since an article has one section.
    private func terms(of item: WXR.Item, notes: inout [String]) -> (NamedTerm?, [NamedTerm]) {
        var category: NamedTerm?
        var tags: [NamedTerm] = []
        for term in item.terms {
            guard let named = Self.term(name: term.name, slug: term.slug) else { continue }
            switch term.domain {
            case "category":
                if category == nil {
                    category = named
                } else if !tags.contains(named) {
                    tags.append(named)
                    notes.append("is in more than one category; “\(named.name)” became a tag")
                }
            case "post_tag":
                if !tags.contains(where: { $0.slug == named.slug }) { tags.append(named) }
            default:
                continue
            }
        }
        if tags.count > Limits.tagsPerArticle {
            notes.append("had \(tags.count) tags; the first \(Limits.tagsPerArticle) were kept")
            tags = Array(tags.prefix(Limits.tagsPerArticle))
        }
        return (category, tags)
    }

    /// A WordPress term with its own slug kept, so `/category/…/` and `/tag/…/` addresses stay the same.
    package static func term(name: String, slug: String) -> NamedTerm? {
        let plainName = PlainText.fromHTML(name)
        let decoded = slug.removingPercentEncoding ?? slug
        if !plainName.isEmpty, let valid = Slug(validating: decoded) { return NamedTerm(name: plainName, slug: valid) }
        return NamedTerm(name: plainName.isEmpty ? decoded : plainName)
    }

    /// The addresses the post had: its permalink, `/?p=ID` (and `/?page_id=ID` for a page), and the
    /// attachment pages of its images.
    private func oldPaths(of item: WXR.Item) -> [String] {
        var paths: [String] = []
        if let link = URLComponents(string: item.link), !link.path.isEmpty || link.query != nil {
            let path = link.path.isEmpty ? "/" : link.path
            paths.append(link.percentEncodedQuery.map { path + "?" + $0 } ?? path)
        }
        if let id = Int(item.postID) {
            paths.append(Redirect.key(idParameter: "p", id: id))
            if item.postType == "page" { paths.append(Redirect.key(idParameter: "page_id", id: id)) }
            for attachment in catalog.attachmentsByParent[item.postID] ?? [] {
                if let attachmentID = Int(attachment) {
                    paths.append(Redirect.key(idParameter: "attachment_id", id: attachmentID))
                }
            }
        }
        for path in (item.meta[GazetteMeta.redirects] ?? "").split(separator: "\n") { paths.append(String(path)) }
        var seen = Set<String>()
        return paths.filter { seen.insert(Redirect.key(forPath: $0)).inserted }
    }

    private func comments(of item: WXR.Item) -> [ImportedComment] {
        let prefix = "\(catalog.siteKey)|comment|"
        return item.comments.map { comment in
            let parent = comment.parentID.isEmpty || comment.parentID == "0" ? nil : prefix + comment.parentID
            let name = PlainText.fromHTML(comment.author)
            return ImportedComment(
                key: prefix + comment.id, parentKey: parent,
                authorName: String((name.isEmpty ? "Anonymous" : name).prefix(Limits.nameLength)),
                authorEmail: comment.email.trimmingCharacters(in: .whitespaces).lowercased(),
                authorURL: WebAddress.isHTTP(comment.url) ? comment.url : "", authorIP: comment.ip,
                body: PlainText.fromHTML(comment.content), status: Self.moderation(comment.approved),
                createdAt: WordPressDate.date(gmt: comment.dateGMT, local: comment.date, timeZone: timeZone) ?? now)
        }
    }

    /// WordPress's `comment_approved`: "1", "0", "spam", "trash" (and "post-trashed" for a trashed post's).
    package static func moderation(_ approved: String) -> ModerationStatus {
        switch approved {
        case "1", "approve", "approved": .approved
        case "spam": .spam
        case "trash", "post-trashed": .trash
        default: .pending
        }
    }
}
