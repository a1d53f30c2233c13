import Foundation
import GazetteContent
import GazetteStorage

/// Turns the newest articles of the site or of one archive into a `Feed`.
package struct FeedBuilder: Sendable {
    package let reader: ReaderService
    package let urls: SiteURL
    package let site: LiveSiteSettings
    package let clock: Clock

    package init(reader: ReaderService, urls: SiteURL, site: LiveSiteSettings, clock: Clock) {
        self.reader = reader
        self.urls = urls
        self.site = site
        self.clock = clock
    }
    /// How many articles a feed carries, as WordPress's default.
    package static let length = 20

    /// The feed at this address, or nil when its archive does not exist.
    package func feed(for route: FeedRoute) async throws -> Feed? {
        let identity = site.current
        var title = identity.title
        var subtitle = identity.tagline
        var home = urls.absolute(path: SiteURL.home)
        var filter = ArticleFilter.all
        if let archive = route.archive {
            guard let (subject, archiveFilter) = try await reader.resolve(archive) else { return nil }
            filter = archiveFilter
            home = urls.absolute(.archive(archive, page: 1))
            let text = ArchiveText(subject)
            title = "\(identity.title) – \(text.heading)"
            subtitle = text.intro.isEmpty ? identity.tagline : text.intro
        }
        let articles = try await reader.newest(filter, limit: Self.length)
        let entries = articles.map(entry)
        return Feed(
            title: title, subtitle: subtitle, homeURL: home, selfURL: urls.absolute(path: route.path),
            language: identity.language, updated: entries.map(\.updated).max() ?? clock.now(), entries: entries)
    }

    private func entry(_ article: ArticleDetails) -> FeedEntry {
        let summary = article.summary
        let published = summary.publishedAt ?? summary.updatedAt
        var content = article.bodyHTML
        var source: FeedSource? = nil
        if let outlet = summary.source {
            let original = article.sourceURL.isEmpty ? outlet.url : article.sourceURL
            let name = HTMLText.escape(outlet.name)
            content +=
                original.isEmpty
                ? "\n<p>Source: \(name)</p>" : "\n<p>Source: <a href=\"\(HTMLText.escape(original))\">\(name)</a></p>"
            source = FeedSource(
                name: outlet.name, originalURL: original,
                feedURL: urls.absolute(path: FeedRoute(archive: .source(outlet.slug), format: .rss).path))
        }
        for correction in article.corrections {
            content += "\n<p><strong>Correction:</strong> \(HTMLText.escape(correction.note))</p>"
        }
        let image = summary.image.map { $0.url.hasPrefix("/") ? urls.absolute(path: $0.url) : $0.url }
        return FeedEntry(
            url: urls.absolute(.article(day: summary.day, slug: summary.slug)), title: summary.title,
            summary: summary.dek.isEmpty ? summary.excerpt : summary.dek,
            contentHTML: AbsoluteLinks.rewrite(content, base: urls.base), authorName: summary.byline.name,
            authorURL: urls.absolute(path: urls.author(summary.byline.slug)), published: published,
            updated: max(published, summary.updatedAt),
            categories: (summary.category.map { [$0.name] } ?? []) + article.tags.map(\.name), source: source,
            imageURL: image)
    }
}

/// Feed readers show entries away from the site, so site-relative links and images get the site's address.
package enum AbsoluteLinks {
    package static func rewrite(_ html: String, base: String) -> String {
        html.replacingOccurrences(of: "href=\"/", with: "href=\"\(base)/")
            .replacingOccurrences(of: "src=\"/", with: "src=\"\(base)/")
            .replacingOccurrences(of: "href=\"\(base)//", with: "href=\"//")
            .replacingOccurrences(of: "src=\"\(base)//", with: "src=\"//")
    }
}
