import Foundation
import GazetteContent
import GazetteStorage

/// The documents search engines read: robots.txt, the sitemap index, its children and the news sitemap.
/// Every address is absolute, from the configured public base URL.
package struct SitemapBuilder: Sendable {
    package let articles: ArticleStore
    package let urls: SiteURL
    package let site: LiveSiteSettings
    package let clock: Clock

    package init(articles: ArticleStore, urls: SiteURL, site: LiveSiteSettings, clock: Clock) {
        self.articles = articles
        self.urls = urls
        self.site = site
        self.clock = clock
    }
    /// The sitemaps.org limit per file.
    package static let perFile = 50_000
    /// Google News reads articles of the last two days.
    package static let newsWindow: TimeInterval = 48 * 3_600

    /// A document and when its content last changed.
    package struct Document: Sendable {
        package var text: String
        package var lastModified: Date
    }

    package func robots() -> Document {
        let text = """
            User-agent: *
            Disallow: /admin/
            Disallow: /search

            Sitemap: \(urls.absolute(path: DiscoveryRoute.sitemapIndex.path))
            Sitemap: \(urls.absolute(path: DiscoveryRoute.news.path))

            """
        return Document(text: text, lastModified: Date(timeIntervalSince1970: 0))
    }

    package func index() async throws -> Document {
        let now = clock.now()
        let (count, newest) = try await articles.publishedTotals(now: now)
        let pages = max(1, (count + Self.perFile - 1) / Self.perFile)
        let changed = newest ?? now
        // An empty child would not be a valid sitemap: a new site lists only its archives.
        var children = count == 0 ? [] : (1...pages).map { DiscoveryRoute.articles(page: $0) }
        children += count == 0 ? [.archives] : [.archives, .authors]
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for child in children {
            xml += "<sitemap><loc>\(x(urls.absolute(path: child.path)))</loc>"
            xml += "<lastmod>\(FeedDates.rfc3339(changed))</lastmod></sitemap>\n"
        }
        return Document(text: xml + "</sitemapindex>\n", lastModified: changed)
    }

    /// Page `page` of the articles sitemap; nil past the last page.
    package func articles(page: Int) async throws -> Document? {
        let now = clock.now()
        let entries = try await articles.sitemapArticles(
            limit: Self.perFile, offset: (page - 1) * Self.perFile, now: now)
        if entries.isEmpty && page > 1 { return nil }
        let rows = entries.compactMap { entry in
            entry.day.map { (urls.absolute(.article(day: $0, slug: entry.slug)), entry.lastModified) }
        }
        return urlset(rows)
    }

    package func archives() async throws -> Document {
        let now = clock.now()
        var rows = [(urls.absolute(path: SiteURL.home), now)]
        for (kind, route) in [
            (ArticleStore.SitemapSubject.tags, ArchiveKey.tag),
            (.categories, ArchiveKey.category), (.sources, ArchiveKey.source),
        ] {
            for entry in try await articles.sitemapSubjects(kind, limit: Self.perFile / 3, now: now) {
                rows.append((urls.absolute(.archive(route(entry.slug), page: 1)), entry.lastModified))
            }
        }
        if let newest = rows.dropFirst().map(\.1).max() { rows[0].1 = newest }
        return urlset(rows)
    }

    package func authors() async throws -> Document {
        let entries = try await articles.sitemapSubjects(.authors, limit: Self.perFile, now: clock.now())
        return urlset(entries.map { (urls.absolute(.archive(.author($0.slug), page: 1)), $0.lastModified) })
    }

    /// Articles of the last 48 hours with Google News's `news:news` block.
    package func news() async throws -> Document {
        let now = clock.now()
        let identity = site.current
        let entries = try await articles.sitemapArticles(
            limit: 1_000, offset: 0, since: now.addingTimeInterval(-Self.newsWindow), now: now)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
        xml += "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n"
        for entry in entries {
            guard let day = entry.day, let published = entry.publishedAt else { continue }
            xml += "<url><loc>\(x(urls.absolute(.article(day: day, slug: entry.slug))))</loc>\n<news:news>"
            xml += "<news:publication><news:name>\(x(identity.title))</news:name>"
            xml += "<news:language>\(NewsLanguage.code(identity.language))</news:language></news:publication>"
            xml += "<news:publication_date>\(FeedDates.rfc3339(published))</news:publication_date>"
            xml += "<news:title>\(x(entry.title))</news:title></news:news></url>\n"
        }
        return Document(
            text: xml + "</urlset>\n", lastModified: entries.map(\.lastModified).max() ?? Date(timeIntervalSince1970: 0)
        )
    }

    private func urlset(_ rows: [(String, Date)]) -> Document {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (location, changed) in rows {
            xml += "<url><loc>\(x(location))</loc><lastmod>\(FeedDates.rfc3339(changed))</lastmod></url>\n"
        }
        return Document(
            text: xml + "</urlset>\n", lastModified: rows.map(\.1).max() ?? Date(timeIntervalSince1970: 0))
    }

    private func x(_ text: String) -> String { XMLText.escape(text) }
}

/// Google News wants an ISO 639 code, with zh-cn and zh-tw as its two exceptions.
public enum NewsLanguage {
    public static func code(_ tag: String) -> String {
        let lower = tag.lowercased()
        if lower == "zh-cn" || lower == "zh-tw" { return lower }
        if lower.hasPrefix("zh-hant") || lower.hasSuffix("-tw") && lower.hasPrefix("zh") { return "zh-tw" }
        if lower.hasPrefix("zh") { return "zh-cn" }
        return String(lower.prefix { $0 != "-" })
    }
}
