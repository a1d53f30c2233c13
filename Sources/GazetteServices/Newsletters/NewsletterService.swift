import Foundation
import GazetteContent
import GazetteStorage
import Logging

/// Newsletters from the newsroom's side: an article sent to its subscribers once it is out, rendered once
/// through the theme, then fanned out into the outbox a batch per transaction (the mail sender, paced,
/// does the rest). Work interrupted by a stop carries on at the next run from the last batch committed.
package struct NewsletterService: Sendable {
    package let store: NewsletterStore
    let articles: ArticleStore
    let mailer: Mailer
    let clock: Clock
    /// Subscribers put in the outbox per transaction.
    package var batch = 1_000
    /// The digest's once a day, shared by every copy of this service.
    let digestRun = DailyRun(hour: Self.digestHour)

    package init(store: NewsletterStore, articles: ArticleStore, mailer: Mailer, clock: Clock) {
        self.store = store
        self.articles = articles
        self.mailer = mailer
        self.clock = clock
    }

    /// Where an article's newsletter stands, for the editor.
    package struct ArticleNewsletter: Sendable, Equatable {
        /// `waiting`, `sending`, `queued` (every copy handed to the sender) or `cancelled`.
        package var status: String
        package var recipients: Int
        package var finishedAt: Date?
    }

    package func forArticle(_ articleID: Int64) async throws -> ArticleNewsletter? {
        try await store.forArticle(articleID).map {
            ArticleNewsletter(status: $0.status, recipients: $0.recipients, finishedAt: $0.finishedAt)
        }
    }

    /// Sends article `id` to its subscribers as soon as it is out (now, if it is published); returns its
    /// headline. Throws `ValidationErrors` for an article that is missing or not meant to come out.
    package func send(articleID id: Int64) async throws -> String {
        guard let article = try await articles.find(id: id) else {
            throw ValidationErrors([ValidationIssue(field: "article", message: "There is no article \(id).")])
        }
        let summary = article.summary
        guard summary.status == .published || summary.status == .scheduled else {
            throw ValidationErrors([
                ValidationIssue(
                    field: "article",
                    message: "“\(summary.title)” is \(summary.status.label.lowercased()): publish or schedule it first."
                )
            ])
        }
        let now = clock.now()
        try await store.requestArticle(id, sendAfter: max(summary.publishedAt ?? now, now), now: now)
        return summary.title
    }

    /// Renders what is due with `design` and fans everything started out to the outbox, at most `batches`
    /// transactions per newsletter this run; returns how many messages were queued.
    @discardableResult
    package func run(design: some NewsletterDesign, logger: Logger, batches: Int = .max) async throws -> Int {
        var queued = 0
        try await queueDigestIfDue()
        for newsletter in try await store.due(now: clock.now()) {
            if newsletter.status == "waiting", !(try await begin(newsletter, design: design, logger: logger)) {
                continue
            }
            var count = 0
            var done = 0
            repeat {
                count = try await store.fanOut(
                    id: newsletter.id, batch: batch, sender: mailer.from.address, now: clock.now())
                queued += count
                done += 1
            } while count == batch && done < batches
            if let done = try await store.find(id: newsletter.id), done.status == "queued" {
                logger.info("Newsletter \(done.id) “\(done.subject)” queued for \(done.recipients) subscriber(s)")
            }
        }
        return queued
    }

    /// Fixes the newsletter's text and audience; false when it is not to go (yet, or at all).
    private func begin(
        _ newsletter: NewsletterStore.Newsletter, design: some NewsletterDesign, logger: Logger
    ) async throws -> Bool {
        if newsletter.kind == .digest { return try await beginDigest(newsletter, design: design) }
        guard newsletter.kind == .article, let articleID = newsletter.articleID,
            let article = try await articles.find(id: articleID)
        else {
            try await store.cancel(id: newsletter.id, now: clock.now())
            return false
        }
        let now = clock.now()
        switch article.summary.status {
        case .published where (article.summary.publishedAt ?? now) <= now: break
        case .scheduled, .published: return false
        case .draft, .pending, .trashed:
            logger.notice("Newsletter for “\(article.summary.title)” not sent: the article was taken down first")
            try await store.cancel(id: newsletter.id, now: now)
            return false
        }
        let marker = "https://unsubscribe.invalid/" + SecretToken.make()
        let content = NewsletterContent(
            siteTitle: mailer.site.current.title, siteURL: mailer.urls.absolute(path: SiteURL.home),
            subject: article.summary.title, introduction: nil, articles: [self.article(article)],
            unsubscribeURL: marker)
        let rendered = design.render(content)
        var audience: [SubscriptionTopic] = [.site, .author(article.summary.byline.slug)]
        if let category = article.summary.category { audience.append(.category(category.slug)) }
        audience += article.tags.map { .tag($0.slug) }
        try await store.begin(
            id: newsletter.id, subject: content.subject, html: rendered.html, text: rendered.text, marker: marker,
            audience: audience)
        return true
    }

    /// The article as a newsletter shows it: its text made safe for mail programs, addresses absolute.
    func article(_ details: ArticleDetails) -> NewsletterArticle {
        let summary = details.summary
        let body = Self.absolute(HTMLSanitizer.clean(details.bodyHTML, trust: .untrusted), base: mailer.urls)
        return NewsletterArticle(
            title: summary.title, url: mailer.urls.absolute(.article(day: summary.day, slug: summary.slug)),
            dek: summary.dek, byline: summary.byline.name,
            date: summary.publishedAt.map(mailer.site.dates.long) ?? "",
            imageURL: summary.image.map { Self.absolute(url: $0.url, base: mailer.urls) },
            imageAlt: summary.image?.alt ?? "", bodyHTML: body, bodyText: PlainText.fromHTML(details.bodyHTML),
            excerpt: summary.excerpt, sourceName: summary.source?.name)
    }

    /// Site-relative addresses (`/media/…`, `/2026/…`) made absolute, since a mail has no page to be
    /// relative to.
    static func absolute(_ html: String, base: SiteURL) -> String {
        html.replacingOccurrences(of: #"src="/"#, with: #"src=""# + base.absolute(path: "/"))
            .replacingOccurrences(of: #"href="/"#, with: #"href=""# + base.absolute(path: "/"))
    }

    static func absolute(url: String, base: SiteURL) -> String {
        url.hasPrefix("/") && !url.hasPrefix("//") ? base.absolute(path: url) : url
    }
}
