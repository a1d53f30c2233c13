import Foundation
import GazetteContent
import GazetteStorage
import GazetteTestSupport
import Testing

@Suite("Saving many new articles at once")
struct NewArticlesTests {
    static func article(
        _ title: String, slug: String? = nil, by author: Author, tags: [String] = [], at date: Date
    )
        throws -> ValidArticle
    {
        try ArticleDraft(
            title: title, slug: slug, bodyMarkdown: "Body of \(title).", bodyHTML: "<p>Body of \(title).</p>",
            status: .published, publishedAt: date, authorID: author.id, category: "Local", tags: tags,
            sourceName: "Wire", sourceURL: "https://wire.example/a"
        ).validated(now: StoreFixture.now)
    }

    @Test(
        "slugs are numbered against the site and each other; tags, category, source and search are all kept",
        arguments: TestEngine.available)
    func wholeSet(engine: TestEngine) async throws {
        try await StoreFixture.with(engine) { store in
            let jane = try await store.author()
            let day = StoreFixture.now.addingTimeInterval(-3_600)
            try await store.publish("Harbour reopens", by: jane, at: day)
            let saved = try await store.articles.saveNew(
                [
                    try Self.article("Harbour reopens", by: jane, tags: ["Ferries", "Port"], at: day),
                    try Self.article("Harbour reopens", by: jane, tags: ["Port"], at: day),
                    try Self.article("Quiet night", slug: "quiet", by: jane, at: day.addingTimeInterval(-86_400)),
                ], now: StoreFixture.now, timeZone: StoreFixture.utc)
            #expect(saved.map(\.slug.value) == ["harbour-reopens-2", "harbour-reopens-3", "quiet"])
            #expect(Set(saved.map(\.id)).count == 3)
            let second = try #require(try await store.articles.find(id: saved[0].id))
            #expect(second.summary.title == "Harbour reopens" && second.bodyHTML == "<p>Body of Harbour reopens.</p>")
            #expect(second.tags.map(\.name) == ["Ferries", "Port"] && second.summary.category?.name == "Local")
            #expect(second.summary.source?.name == "Wire" && second.summary.source?.url == "https://wire.example/")
            #expect(second.revision == 1)
            let found = try await SearchStore(database: store.database).search(
                SearchQuery("quiet"), page: PageRequest(number: 1, size: 10)!, now: StoreFixture.now)
            #expect(found.items.map(\.summary.id) == [saved[2].id])
        }
    }

    @Test("an unknown author stops the whole set, and nothing is written")
    func unknownAuthor() async throws {
        try await StoreFixture.with(.sqlite) { store in
            let jane = try await store.author()
            var stranger = try Self.article("Stranger", by: jane, at: StoreFixture.now)
            stranger.authorID = 999
            await #expect(throws: StorageError.self) {
                _ = try await store.articles.saveNew(
                    [try Self.article("Fine", by: jane, at: StoreFixture.now), stranger], now: StoreFixture.now,
                    timeZone: StoreFixture.utc)
            }
            #expect(try await store.articles.count() == 0)
        }
    }
}
