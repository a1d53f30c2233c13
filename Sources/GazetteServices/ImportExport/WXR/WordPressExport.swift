import Foundation
import GazetteContent
import GazetteStorage

/// `gazette export --format wxr FILE`: the whole site as a WordPress export, which WordPress's importer
/// reads and which `gazette import wxr` reads back with nothing lost.
///
/// What WordPress has a place for goes where WordPress puts it (posts, pages, people, categories with
/// their parents, tags, featured images as attachments, comments with their threads and states). What it
/// has none for travels as `_gazette_…` post meta, which WordPress keeps and ignores: the Markdown source,
/// the dek, the source and its link, the canonical address, the image credit, corrections, the exact
/// status and the old addresses that redirect.
public struct WordPressExport: Sendable {
    private let store: ExportStore
    private let site: LiveSiteSettings
    private let baseURL: String
    /// Articles read per query.
    package var pageSize = 500

    public init(store: ExportStore, site: LiveSiteSettings, baseURL: String) {
        self.store = store
        self.site = site
        self.baseURL = baseURL
    }

    /// Where featured-image attachments are numbered, far above any article id.
    package static let attachmentIDBase: Int64 = 1_000_000_000_000

    public func run(
        to handle: FileHandle, progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) async throws -> ExportSummary {
        let identity = site.current
        let items = WordPressItems(baseURL: baseURL, timeZone: identity.timeZone)
        var writer = WXRWriter(sink: OutputSink(handle: handle))
        var summary = ExportSummary()
        try writer.start(
            WXR.Site(
                title: HTMLText.escape(identity.title), link: baseURL, baseSiteURL: baseURL, baseBlogURL: baseURL,
                version: "1.2"),
            description: identity.tagline, language: identity.language)
        for person in try await store.people() {
            try writer.author(
                WXR.Author(
                    id: String(person.id), login: person.slug.value, email: person.email,
                    displayName: HTMLText.escape(person.name)))
            summary.people += 1
        }
        let categories = try await store.categories()
        let slugs = Dictionary(uniqueKeysWithValues: categories.map { ($0.category.id, $0.category.slug.value) })
        for entry in categories {
            try writer.category(
                WXR.Category(
                    termID: String(entry.category.id), slug: entry.category.slug.value,
                    parentSlug: entry.parentID.flatMap { slugs[$0] } ?? "", name: HTMLText.escape(entry.category.name)))
        }
        for tag in try await store.tags() {
            try writer.tag(WXR.Tag(termID: String(tag.id), slug: tag.slug.value, name: HTMLText.escape(tag.name)))
        }
        let total = try await store.articleCount()
        var lastID: Int64 = 0
        var done = 0
        progress(0, total)
        while true {
            let page = try await store.articles(after: lastID, limit: pageSize)
            guard let last = page.last else { break }
            for article in page {
                if let attachment = items.attachment(for: article) {
                    try writer.item(attachment, pubDate: HTTPDate.string(article.createdAt))
                }
                let item = items.item(for: article)
                try writer.item(
                    item, pubDate: HTTPDate.string(article.details.summary.publishedAt ?? article.createdAt))
                if article.kind == .page { summary.pages += 1 } else { summary.articles += 1 }
                summary.comments += item.comments.count
            }
            lastID = last.details.summary.id
            done += page.count
            progress(done, total)
        }
        try writer.finish()
        return summary
    }
}

/// One Gazette article as WordPress items: the post (or page) and its featured image's attachment.
package struct WordPressItems: Sendable {
    package let baseURL: String
    package let timeZone: TimeZone

    package func item(for article: ExportStore.Article) -> WXR.Item {
        let details = article.details
        let summary = details.summary
        var item = WXR.Item()
        item.title = HTMLText.escape(summary.title)
        item.link = baseURL + Redirect.articlePath(day: summary.day, slug: summary.slug)
        item.guid = baseURL + "/?p=\(summary.id)"
        item.creator = summary.byline.slug.value
        item.content = details.bodyHTML
        item.excerpt = HTMLText.escape(summary.excerpt)
        item.postID = String(summary.id)
        item.postDate = WordPressDate.text(summary.publishedAt ?? article.createdAt, timeZone: timeZone)
        item.postDateGMT = summary.publishedAt.map { WordPressDate.text($0, timeZone: .gmt) } ?? WordPressDate.zero
        item.postName = summary.slug.value
        item.status = Self.status(summary.status)
        item.postType = article.kind == .page ? "page" : "post"
        item.commentStatus = details.commentStatus.rawValue
        if let category = summary.category {
            item.terms.append(
                WXR.Term(domain: "category", slug: category.slug.value, name: HTMLText.escape(category.name)))
        }
        for tag in details.tags {
            item.terms.append(WXR.Term(domain: "post_tag", slug: tag.slug.value, name: HTMLText.escape(tag.name)))
        }
        item.meta = meta(for: article)
        item.comments = article.comments.map(comment)
        return item
    }

    /// WordPress keeps a featured image as an attachment item that the post names in `_thumbnail_id`.
    package func attachment(for article: ExportStore.Article) -> WXR.Item? {
        guard let image = article.details.summary.image else { return nil }
        var item = WXR.Item()
        item.title = HTMLText.escape(image.alt)
        item.guid = image.url
        item.attachmentURL = image.url
        item.excerpt = HTMLText.escape(image.caption)
        item.postID = String(WordPressExport.attachmentIDBase + article.details.summary.id)
        item.parentID = String(article.details.summary.id)
        item.postType = "attachment"
        item.status = "inherit"
        item.postDate = WordPressDate.text(article.createdAt, timeZone: timeZone)
        item.postDateGMT = WordPressDate.text(article.createdAt, timeZone: .gmt)
        item.meta["_wp_attachment_image_alt"] = image.alt
        return item
    }

    private func meta(for article: ExportStore.Article) -> [String: String] {
        let details = article.details
        let summary = details.summary
        var meta: [String: String] = [
            GazetteMeta.markdown: details.bodyMarkdown, GazetteMeta.status: summary.status.rawValue,
        ]
        if !summary.dek.isEmpty { meta[GazetteMeta.dek] = summary.dek }
        if let source = summary.source {
            meta[GazetteMeta.source] = source.name
            meta[GazetteMeta.sourceURL] = details.sourceURL
        }
        if !details.canonicalURL.isEmpty { meta[GazetteMeta.canonicalURL] = details.canonicalURL }
        if let image = summary.image {
            meta["_thumbnail_id"] = String(WordPressExport.attachmentIDBase + summary.id)
            if !image.credit.isEmpty { meta[GazetteMeta.imageCredit] = image.credit }
        }
        if !details.corrections.isEmpty { meta[GazetteMeta.corrections] = GazetteMeta.encode(details.corrections) }
        if !article.redirects.isEmpty { meta[GazetteMeta.redirects] = article.redirects.joined(separator: "\n") }
        return meta
    }

    private func comment(_ comment: Comment) -> WXR.Comment {
        WXR.Comment(
            id: String(comment.id), author: HTMLText.escape(comment.authorName), email: comment.authorEmail,
            url: comment.authorURL, ip: comment.authorIP,
            date: WordPressDate.text(comment.createdAt, timeZone: timeZone),
            dateGMT: WordPressDate.text(comment.createdAt, timeZone: .gmt),
            content: HTMLText.escape(comment.body), approved: Self.approval(comment.status), type: "comment",
            parentID: comment.parentID.map(String.init) ?? "0", userID: "0")
    }

    package static func status(_ status: ArticleStatus) -> String {
        switch status {
        case .published: "publish"
        case .scheduled: "future"
        case .draft: "draft"
        case .pending: "pending"
        case .trashed: "trash"
        }
    }

    package static func approval(_ status: ModerationStatus) -> String {
        switch status {
        case .approved: "1"
        case .pending: "0"
        case .spam: "spam"
        case .trash: "trash"
        }
    }
}
