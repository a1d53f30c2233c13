import Foundation
import GazetteContent
import GazetteStorage

/// The digest: the latest articles, daily or every Monday (`site.digest`), at 07:00 in the site's time
/// zone, to readers who chose it; none when nothing new was published.
extension NewsletterService {
    /// The hour of the site's day the digest goes out.
    package static let digestHour = 7
    /// At most this many articles in one digest.
    static let digestArticles = 20

    /// Creates this period's digest when it is due; returns its period (`daily:2026-12-03`).
    @discardableResult
    package func queueDigestIfDue() async throws -> String? {
        let site = mailer.site.current
        guard site.digest != .off else { return nil }
        let now = clock.now()
        guard let (day, weekday) = digestRun.due(now: now, timeZone: site.timeZone) else { return nil }
        // Weekly: Mondays (weekday 2 in the Gregorian calendar); the other days are done at once. A failed
        // write is not marked done, so the next call tries again.
        if site.digest == .weekly && weekday != 2 {
            digestRun.markDone(day)
            return nil
        }
        let period = "\(site.digest.rawValue):\(day)"
        let created = try await store.createDigest(period: period, audience: [.digest], now: now)
        digestRun.markDone(day)
        return created ? period : nil
    }

    /// Fixes a waiting digest's text: the articles published since the last digest (or over its period);
    /// false (and cancelled) when there were none.
    func beginDigest(_ newsletter: NewsletterStore.Newsletter, design: some NewsletterDesign) async throws -> Bool {
        let site = mailer.site.current
        let now = clock.now()
        let window: TimeInterval = site.digest == .weekly ? 7 * 86_400 : 86_400
        let since = try await store.previousDigest(before: newsletter.id) ?? now.addingTimeInterval(-window)
        guard let request = PageRequest(number: 1, size: Self.digestArticles) else { return false }
        let latest = try await articles.published(.all, page: request, now: now).items
            .filter { ($0.publishedAt ?? .distantPast) > since }
        guard !latest.isEmpty else {
            try await store.cancel(id: newsletter.id, now: now)
            return false
        }
        let dates = mailer.site.dates
        let often = site.digest == .weekly ? "weekly" : "daily"
        let content = NewsletterContent(
            siteTitle: site.title, siteURL: mailer.urls.absolute(path: SiteURL.home),
            subject: "\(site.title): your \(often) digest, \(dates.long(now))",
            introduction: latest.count == 1
                ? "One new article since the last digest." : "\(latest.count) new articles since the last digest.",
            articles: latest.map(teaser), unsubscribeURL: "https://unsubscribe.invalid/" + SecretToken.make())
        let rendered = design.render(content)
        try await store.begin(
            id: newsletter.id, subject: content.subject, html: rendered.html, text: rendered.text,
            marker: content.unsubscribeURL, audience: [.digest])
        return true
    }

    /// An article as a digest lists it: headline, dek, teaser, a link.
    private func teaser(_ summary: ArticleSummary) -> NewsletterArticle {
        NewsletterArticle(
            title: summary.title, url: mailer.urls.absolute(.article(day: summary.day, slug: summary.slug)),
            dek: summary.dek, byline: summary.byline.name,
            date: summary.publishedAt.map(mailer.site.dates.long) ?? "",
            imageURL: nil, imageAlt: "", bodyHTML: nil, bodyText: nil, excerpt: summary.excerpt,
            sourceName: summary.source?.name)
    }
}
