import Foundation
import GazetteContent
import GazetteStorage

/// `gazette export --format json FILE`: the whole site as one JSON document (docs/export-json.md), for
/// other tools and for keeping. Articles are written one at a time as they are read, so the file can be
/// as large as the site while memory holds one page of articles.
public struct JSONExport: Sendable {
    private let store: ExportStore
    private let settings: SettingsStore
    private let site: LiveSiteSettings
    private let baseURL: String
    private let clock: Clock
    /// Articles read per query.
    package var pageSize = 500

    public init(store: ExportStore, settings: SettingsStore, site: LiveSiteSettings, baseURL: String, clock: Clock) {
        self.store = store
        self.settings = settings
        self.site = site
        self.baseURL = baseURL
        self.clock = clock
    }

    /// Settings that are the publisher's choices; secrets and internal markers stay out.
    package static let exportedSettingPrefixes = ["site.", "comments."]

    public func run(
        to handle: FileHandle, progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) async throws -> ExportSummary {
        let identity = site.current
        var settings: [String: String] = [:]
        for prefix in Self.exportedSettingPrefixes {
            settings.merge(try await self.settings.values(prefixed: prefix)) { _, new in new }
        }
        let people = try await store.people()
        let header = JSONExportRecords.Header(
            exportedAt: JSONExportRecords.time(clock.now()),
            site: .init(
                title: identity.title, tagline: identity.tagline, language: identity.language,
                timeZone: identity.timeZone.identifier, baseURL: baseURL),
            settings: settings,
            people: people.map {
                .init(
                    id: $0.id, name: $0.name, slug: $0.slug.value, email: $0.email, bio: $0.bio, role: $0.role.rawValue,
                    avatarURL: $0.avatarURL)
            },
            categories: try await store.categories().map {
                .init(id: $0.category.id, name: $0.category.name, slug: $0.category.slug.value, parentID: $0.parentID)
            },
            tags: try await store.tags().map { .init(id: $0.id, name: $0.name, slug: $0.slug.value) },
            sources: try await store.sources().map { .init(id: $0.id, name: $0.name, slug: $0.slug.value, url: $0.url) }
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let sink = OutputSink(handle: handle)
        // The header's object, left open for the articles to follow as its last member.
        var opening = String(decoding: try encoder.encode(header), as: UTF8.self)
        opening.removeLast()
        try sink.write(opening + ",\"articles\":[\n")
        var summary = ExportSummary(people: people.count)
        let total = try await store.articleCount()
        var lastID: Int64 = 0
        var first = true
        progress(0, total)
        while true {
            let page = try await store.articles(after: lastID, limit: pageSize)
            guard let last = page.last else { break }
            for article in page {
                let record = JSONExportRecords.Article(article, baseURL: baseURL)
                try sink.write((first ? "" : ",\n") + String(decoding: try encoder.encode(record), as: UTF8.self))
                first = false
                if article.kind == .page { summary.pages += 1 } else { summary.articles += 1 }
                summary.comments += article.comments.count
            }
            lastID = last.details.summary.id
            progress(summary.articles + summary.pages, total)
        }
        try sink.write("\n]}\n")
        try sink.flush()
        return summary
    }
}
