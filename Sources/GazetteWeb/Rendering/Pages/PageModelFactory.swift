import Foundation
import GazetteContent
import GazetteServices

/// Turns what the services return into display-ready view models: dates formatted, links built.
package struct PageModelFactory: Sendable {
    package let urls: SiteURL
    /// Title, tagline, language and time zone as the newsroom last set them.
    package let live: LiveSiteSettings
    package let stylesheetURL: String
    /// The publisher's logo, for structured data.
    package var logoURL: String = "/assets/logo.png"
    package let clock: Clock
    /// The resized copies of uploads, for `srcset`; nil lists none.
    package let variants: ImageVariants?

    package init(
        urls: SiteURL, live: LiveSiteSettings, stylesheetURL: String, logoURL: String = "/assets/logo.png",
        clock: Clock,
        variants: ImageVariants? = nil
    ) {
        self.variants = variants
        self.urls = urls
        self.live = live
        self.stylesheetURL = stylesheetURL
        self.logoURL = logoURL
        self.clock = clock
    }

    package var dates: DateText { live.dates }
    package var siteTitle: String { live.current.title }
    package var tagline: String { live.current.tagline }

    package var site: SiteModel {
        let identity = live.current
        return SiteModel(
            title: identity.title, tagline: identity.tagline, homeURL: SiteURL.home, language: identity.language,
            stylesheetURL: stylesheetURL, year: String(Calendar.current.component(.year, from: clock.now())),
            digestLabel: identity.digest == .off ? nil : "A \(identity.digest.rawValue) digest of the latest articles")
    }

    package func head(title: String?, description: String, route: SiteRoute?, noIndex: Bool = false) -> HeadModel {
        var feeds = Self.feedLinks(archive: nil, name: siteTitle, urls: urls)
        if case .archive(let subject, _) = route, let title, !Self.isPeriod(subject) {
            feeds += Self.feedLinks(archive: subject, name: "\(siteTitle) – \(title)", urls: urls)
        }
        let canonical = route.map(urls.absolute)
        let (meta, jsonLD) = structuredData.site(
            title: title ?? siteTitle, description: description, canonical: canonical)
        return HeadModel(
            title: title.map { "\($0) – \(siteTitle)" } ?? siteTitle, description: description,
            canonicalURL: canonical, noIndex: noIndex, feeds: feeds, meta: noIndex ? [] : meta,
            jsonLD: noIndex ? nil : jsonLD)
    }

    package var structuredData: StructuredData {
        StructuredData(urls: urls, identity: live.current, logoURL: logoURL, dates: dates)
    }

    package static func feedLinks(archive: ArchiveKey?, name: String, urls: SiteURL) -> [FeedLinkModel] {
        [(FeedRoute.Format.rss, "RSS"), (.atom, "Atom"), (.json, "JSON Feed")].map { format, label in
            let route = FeedRoute(archive: archive, format: format)
            return FeedLinkModel(
                title: "\(name) (\(label))", type: String(format.contentType.prefix { $0 != ";" }),
                url: urls.absolute(path: route.path))
        }
    }

    private static func isPeriod(_ subject: ArchiveKey) -> Bool {
        if case .period = subject { return true }
        return false
    }

    package func card(_ summary: ArticleSummary) -> ArticleCardModel {
        ArticleCardModel(
            title: summary.title, url: urls.article(summary), dek: summary.dek.nonEmpty,
            excerpt: summary.excerpt.nonEmpty,
            author: LinkModel(name: summary.byline.name, url: urls.author(summary.byline.slug)),
            published: date(summary.publishedAt ?? summary.updatedAt),
            category: summary.category.map { LinkModel(name: $0.name, url: urls.category($0.slug)) },
            source: summary.source.map { LinkModel(name: $0.name, url: urls.source($0.slug)) },
            image: summary.image.map { image($0, sizes: ImageSizes.card) },
            commentsText: summary.commentCount == 0
                ? nil : summary.commentCount == 1 ? "1 comment" : "\(summary.commentCount) comments",
            commentsURL: urls.article(summary) + "#comments")
    }

    package func article(
        _ details: ArticleDetails, latest: [ArticleSummary], comments: CommentSectionModel?, noIndex: Bool = false
    ) -> ArticlePageModel {
        let summary = details.summary
        let route = SiteRoute.article(day: summary.day, slug: summary.slug)
        let model = ArticleModel(
            id: String(summary.id), title: summary.title, url: urls.path(route), dek: summary.dek.nonEmpty,
            bodyHTML: BodyImages.withCopies(details.bodyHTML, variants: variants, sizes: ImageSizes.article),
            author: LinkModel(name: summary.byline.name, url: urls.author(summary.byline.slug)),
            authorBio: details.authorBio.nonEmpty, published: date(summary.publishedAt ?? summary.updatedAt),
            updated: details.wasUpdatedAfterPublishing ? date(summary.updatedAt) : nil,
            corrections: details.corrections.map { CorrectionModel(date: date($0.notedAt), note: $0.note) },
            hasCorrections: !details.corrections.isEmpty,
            source: summary.source.map {
                SourceModel(
                    name: $0.name, originalURL: details.sourceURL.isEmpty ? nil : details.sourceURL,
                    archiveURL: urls.source($0.slug))
            },
            category: summary.category.map { LinkModel(name: $0.name, url: urls.category($0.slug)) },
            tags: details.tags.map { LinkModel(name: $0.name, url: urls.tag($0.slug)) }, hasTags: !details.tags.isEmpty,
            image: summary.image.map { image($0, sizes: ImageSizes.article) },
            commentsOpen: details.commentStatus == .open)
        let canonical = details.canonicalURL.isEmpty ? urls.absolute(route) : details.canonicalURL
        let description = summary.dek.isEmpty ? summary.excerpt : summary.dek
        // An article first published elsewhere keeps its canonical link to there; everything else describes
        // this page.
        let articleData = structuredData.article(details, canonical: urls.absolute(route), description: description)
        return ArticlePageModel(
            site: site,
            head: HeadModel(
                title: (comments?.problemSummary == nil ? "" : "Error: ") + "\(summary.title) – \(siteTitle)",
                description: description, canonicalURL: canonical,
                noIndex: noIndex,
                feeds: Self.feedLinks(archive: nil, name: siteTitle, urls: urls) + [
                    FeedLinkModel(
                        title: "Comments on “\(summary.title)”", type: "application/rss+xml",
                        url: urls.absolute(path: CommentFeedRoute.article(day: summary.day, slug: summary.slug).path))
                ],
                meta: articleData.0, jsonLD: articleData.1),
            article: model, latest: latest.map(card), hasLatest: !latest.isEmpty, comments: comments)
    }

    package func list(
        heading: String, intro: String, title: String?, page: Page<ArticleSummary>, route: (Int) -> SiteRoute,
        isFrontPage: Bool, emptyMessage: String, portrait: ImageModel? = nil
    ) -> ListPageModel {
        let pageTitle = page.number > 1 ? "\(title ?? siteTitle), page \(page.number)" : title
        let pager = PagerModel(page: page) { urls.path(route($0)) }
        return ListPageModel(
            site: site,
            head: head(
                title: pageTitle, description: intro.isEmpty ? tagline : intro, route: route(page.number),
                noIndex: page.number > 5),
            heading: heading, intro: intro.nonEmpty, isFrontPage: isFrontPage, articles: page.items.map(card),
            pager: pager,
            emptyMessage: emptyMessage, portrait: portrait)
    }

    package func error(status: Int, heading: String, message: String) -> ErrorPageModel {
        ErrorPageModel(
            site: site, head: head(title: heading, description: message, route: nil, noIndex: true), status: status,
            heading: heading, message: message)
    }

    package func date(_ date: Date) -> DateModel {
        DateModel(iso: dates.iso(date), text: dates.long(date))
    }

    /// A picture with its resized copies, drawn `sizes` wide.
    package func image(_ image: FeaturedImage, sizes: String) -> ImageModel {
        var model = ImageModel(
            src: image.url, alt: image.alt, caption: image.caption.nonEmpty, credit: image.credit.nonEmpty)
        if let copies = variants?.copies(of: image.url, now: clock.now()) {
            let list = { (copies: [(width: Int, url: String)]) in
                copies.isEmpty ? nil : copies.map { "\($0.url) \($0.width)w" }.joined(separator: ", ")
            }
            model.srcset = list(copies.sameFormat)
            model.webpSrcset = list(copies.webp)
            model.sizes = sizes
        }
        return model
    }
}

/// How wide the default theme draws pictures, for `sizes`: the article's column, and cards (one, two or
/// three to a row).
package enum ImageSizes {
    package static let article = "(min-width: 48rem) 42rem, 100vw"
    package static let card = "(min-width: 64rem) 34vw, (min-width: 40rem) 50vw, 100vw"
}

extension String {
    /// nil for an empty string, so a Mustache section shows nothing for it.
    package var nonEmpty: String? { isEmpty ? nil : self }
}
