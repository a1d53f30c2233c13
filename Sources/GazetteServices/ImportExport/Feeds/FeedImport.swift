import Foundation
import GazetteContent
import GazetteStorage

/// `gazette import feed URL-or-FILE --source NAME`: another outlet's feed becomes articles attributed
/// "Source: NAME", each linking to its original. Their HTML keeps only what `HTMLSanitizer` allows (no
/// script, event handlers, frames, styles or `javascript:` links). Each entry is stored under the source
/// and its id (or link), so the next run adds only new entries.
public struct FeedImport: Sendable {
    private let imports: ImportStore
    private let site: LiveSiteSettings
    private let clock: Clock
    private let changes: ContentChanges
    package var fetcher = FeedFetcher()

    public init(imports: ImportStore, site: LiveSiteSettings, clock: Clock, changes: ContentChanges) {
        self.imports = imports
        self.site = site
        self.clock = clock
        self.changes = changes
    }

    public struct Options: Sendable {
        public var sourceName: String
        public var status: ArticleStatus
        /// The byline; nil gives the articles an author named after the source.
        public var authorID: Int64?

        public init(sourceName: String, status: ArticleStatus = .draft, authorID: Int64? = nil) {
            self.sourceName = sourceName
            self.status = status
            self.authorID = authorID
        }
    }

    public struct Report: Sendable, Equatable {
        public var feedTitle = ""
        public var added = 0
        public var alreadyImported = 0
        public var skipped: [WordPressImportReport.Skip] = []
    }

    /// Reads the feed at `location` (an http(s) address or a file) and imports its entries.
    public func run(location: String, options: Options) async throws -> Report {
        guard let source = NamedTerm(name: options.sourceName) else {
            throw ImportError(message: "Name the source with letters or digits, for example --source \"Harbour Wire\".")
        }
        guard [.draft, .published].contains(options.status) else {
            throw ImportError(message: "Imported entries are drafts or published articles.")
        }
        let data = try await read(location)
        let feed: IncomingFeed
        do {
            feed = try IncomingFeedReader.read(data)
        } catch let error as IncomingFeed.ReadError {
            throw ImportError(message: "\(location): \(error.message) Nothing was imported.")
        }
        return try await store(feed, source: source, options: options)
    }

    package func read(_ location: String) async throws -> Data {
        if let url = URL(string: location), let scheme = url.scheme?.lowercased(), scheme.count > 1 {
            guard scheme == "http" || scheme == "https" else {
                throw ImportError(message: "\(location): only http:// and https:// addresses, or a file, can be read.")
            }
            var fetcher = self.fetcher
            fetcher.allowsPrivateAddresses = site.current.feedsFromPrivateAddresses
            do {
                return try await fetcher.fetch(url)
            } catch let error as IncomingFeed.ReadError {
                throw ImportError(message: "\(error.message) Nothing was imported.")
            }
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: location)
        guard let size = attributes?[.size] as? Int, let data = FileManager.default.contents(atPath: location) else {
            throw ImportError(message: "Cannot read \(location): no such file, or it is not readable.")
        }
        guard size <= fetcher.maximumBytes else {
            throw ImportError(
                message: "\(location) is larger than \(fetcher.maximumBytes / 1_048_576) MB, more than any feed; "
                    + "nothing was imported.")
        }
        return data
    }

    private func store(_ feed: IncomingFeed, source: NamedTerm, options: Options) async throws -> Report {
        let now = clock.now()
        let timeZone = site.current.timeZone
        var report = Report(feedTitle: feed.title)
        var drafts: [(article: ValidArticle, key: String)] = []
        for entry in feed.entries {
            let name = "“\(entry.title.isEmpty ? entry.identity : entry.title)”"
            guard !entry.identity.isEmpty else {
                report.skipped.append(.init(item: name, reason: "the entry has no id, link or title to know it by"))
                continue
            }
            do {
                drafts.append(
                    (try article(from: entry, source: source, options: options, now: now), key(entry, source)))
            } catch {
                report.skipped.append(.init(item: name, reason: error.issues.map(\.message).joined(separator: " ")))
            }
        }
        let prepared = drafts
        let byline = options.authorID
        let stored = try await imports.batch(now: now, timeZone: timeZone) { batch in
            let authorID: Int64
            if let byline {
                authorID = byline
            } else {
                authorID = try await batch.author(
                    ImportedAuthor(
                        key: "feed|\(source.slug.value)", name: source.name,
                        email: "\(source.slug.value)@sources.invalid", slug: source.slug.value)
                ).author.id
            }
            return try await batch.articles(
                prepared.map { item in
                    var article = item.article
                    article.authorID = authorID
                    return (article, item.key)
                })
        }
        for article in stored {
            if case .created = article { report.added += 1 } else { report.alreadyImported += 1 }
        }
        if report.added > 0 { await changes.publish(.everything) }
        return report
    }

    private func key(_ entry: IncomingFeed.Entry, _ source: NamedTerm) -> String {
        "feed|\(source.slug.value)|\(entry.identity)"
    }

    package func article(
        from entry: IncomingFeed.Entry, source: NamedTerm, options: Options, now: Date
    ) throws(ValidationErrors) -> ValidArticle {
        let body = HTMLSanitizer.clean(entry.html.isEmpty ? entry.summary : entry.html)
        var title = entry.title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { title = Excerpt.shorten(PlainText.fromHTML(body), to: 80) }
        title = String(title.prefix(Limits.titleLength))
        let link = WebAddress.isHTTP(entry.link) ? entry.link : ""
        // A date in the future (a wrong time zone, often) would hide a published entry: it is today's.
        let date = min(entry.published ?? entry.updated ?? now, now)
        let summary = PlainText.fromHTML(entry.summary)
        var draft = ArticleDraft(
            title: title, bodyMarkdown: body, bodyHTML: body,
            excerpt: Excerpt.shorten(summary.isEmpty ? PlainText.fromHTML(body) : summary, to: Excerpt.defaultLength),
            status: options.status, publishedAt: date, authorID: options.authorID ?? 0,
            tags: Array(entry.categories.filter { NamedTerm(name: $0) != nil }.prefix(Limits.tagsPerArticle)),
            sourceName: source.name, sourceURL: link,
            canonicalURL: link)
        if WebAddress.isHTTP(entry.imageURL) { draft.image = FeaturedImage(url: entry.imageURL, alt: title) }
        var article = try draft.validated(now: now)
        article.source = source
        return article
    }
}
