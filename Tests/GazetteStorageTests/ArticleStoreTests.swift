import Foundation
import GazetteContent
import GazetteStorage
import GazetteTestSupport
import Testing

@Suite("Article store")
struct ArticleStoreTests {
    @Test(
        "a saved article reads back with its byline, tags, category, source and corrections",
        arguments: TestEngine.available)
    func roundTrip(engine: TestEngine) async throws {
        try await StoreFixture.with(engine) { store in
            let jane = try await store.author()
            var draft = ArticleDraft(
                title: "Bridge reopens", dek: "After two years", bodyMarkdown: "Cars are back.",
                bodyHTML: "<p>Cars are back.</p>", status: .published, publishedAt: StoreFixture.now,
                authorID: jane.id, category: "Local News", tags: ["Transport", "City Hall"], sourceName: "Wire Service",
                sourceURL: "https://wire.example/bridge",
                image: FeaturedImage(url: "https://img.example/b.jpg", alt: "The bridge"),
                corrections: [
                    Correction(notedAt: StoreFixture.now, note: "An earlier version misspelt the mayor's name.")
                ])
            draft.canonicalURL = "https://wire.example/bridge"
            let saved = try await store.articles.save(
                draft.validated(now: StoreFixture.now), now: StoreFixture.now, timeZone: StoreFixture.utc)
            let details = try #require(
                try await store.articles.published(day: saved.day, slug: saved.slug, now: StoreFixture.now))
            #expect(details.summary.title == "Bridge reopens")
            #expect(details.summary.byline.name == "Jane Doe")
            #expect(details.summary.category?.slug.value == "local-news")
            #expect(details.summary.source?.name == "Wire Service")
            #expect(details.summary.source?.url == "https://wire.example/")
            #expect(details.tags.map(\.name) == ["Transport", "City Hall"])
            #expect(details.corrections.count == 1)
            #expect(details.summary.image?.alt == "The bridge")
            #expect(details.canonicalURL == "https://wire.example/bridge")
        }
    }

    @Test("two articles with the same headline on one day get distinct slugs", arguments: TestEngine.available)
    func uniqueSlugsPerDay(engine: TestEngine) async throws {
        try await StoreFixture.with(engine) { store in
            let jane = try await store.author()
            let first = try await store.publish("Budget day", by: jane)
            let second = try await store.publish("Budget day", by: jane)
            let nextDay = try await store.publish(
                "Budget day", by: jane, at: StoreFixture.now.addingTimeInterval(86_400 * 2))
            #expect(first.slug.value == "budget-day")
            #expect(second.slug.value == "budget-day-2")
            #expect(nextDay.slug.value == "budget-day")
        }
    }

    @Test("drafts, scheduled, trashed and future articles are invisible to readers", arguments: TestEngine.available)
    func visibility(engine: TestEngine) async throws {
        try await StoreFixture.with(engine) { store in
            let jane = try await store.author()
            let visible = try await store.publish("Visible", by: jane)
            for status in [ArticleStatus.draft, .trashed] {
                try await store.publish("Hidden \(status)", by: jane, status: status)
            }
            let future = StoreFixture.now.addingTimeInterval(3_600)
            let scheduled = try await store.publish("Scheduled", by: jane, at: future, status: .scheduled)
            let page = try await store.articles.published(
                .all, page: PageRequest(number: 1, size: 10)!, now: StoreFixture.now)
            #expect(page.items.map(\.id) == [visible.id])
            #expect(page.totalItems == 1)
            #expect(
                try await store.articles.published(day: scheduled.day, slug: scheduled.slug, now: StoreFixture.now)
                    == nil)
        }
    }

    @Test("archives list only their articles, newest first, paged", arguments: TestEngine.available)
    func archives(engine: TestEngine) async throws {
        try await StoreFixture.with(engine) { store in
            let jane = try await store.author()
            let sam = try await store.author("Sam Lee", email: "sam@example.com")
            for index in 0..<5 {
                try await store.publish(
                    "Tagged \(index)", by: jane, at: StoreFixture.now.addingTimeInterval(Double(-index * 60)),
                    tags: ["Climate"], category: "Science")
            }
            try await store.publish("Other", by: sam, source: "Agency")
            let climate = try #require(try await store.terms.tag(slug: Slug(trusted: "climate")))
            let firstPage = try await store.articles.published(
                .tag(id: climate.id), page: PageRequest(number: 1, size: 2)!, now: StoreFixture.now)
            #expect(firstPage.items.map(\.title) == ["Tagged 0", "Tagged 1"])
            #expect(firstPage.totalPages == 3)
            let byAuthor = try await store.articles.published(
                .author(id: sam.id), page: PageRequest(number: 1, size: 10)!, now: StoreFixture.now)
            #expect(byAuthor.items.map(\.title) == ["Other"])
            let agency = try #require(try await store.terms.source(slug: Slug(trusted: "agency")))
            let bySource = try await store.articles.published(
                .source(id: agency.id), page: PageRequest(number: 1, size: 10)!, now: StoreFixture.now)
            #expect(bySource.items.count == 1)
        }
    }

    @Test("a failed save leaves nothing behind", arguments: TestEngine.available)
    func atomicWrites(engine: TestEngine) async throws {
        try await StoreFixture.with(engine) { store in
            let draft = ArticleDraft(
                title: "Orphan", bodyMarkdown: "x", status: .published, authorID: 999, category: "Never",
                tags: ["Never"])
            await #expect(throws: StorageError.self) {
                try await store.articles.save(
                    draft.validated(now: StoreFixture.now), now: StoreFixture.now, timeZone: StoreFixture.utc)
            }
            let count = try await store.articles.count()
            let tag = try await store.terms.tag(slug: Slug(trusted: "never"))
            let category = try await store.terms.category(slug: Slug(trusted: "never"))
            #expect(count == 0)
            #expect(tag == nil)
            #expect(category == nil)
        }
    }

    @Test("saving over an article replaces its tags and keeps its id", arguments: TestEngine.available)
    func update(engine: TestEngine) async throws {
        try await StoreFixture.with(engine) { store in
            let jane = try await store.author()
            let saved = try await store.publish("Changing story", by: jane, tags: ["Old"])
            let draft = ArticleDraft(
                title: "Changing story", bodyMarkdown: "New", status: .published, publishedAt: StoreFixture.now,
                authorID: jane.id, tags: ["New"])
            let again = try await store.articles.save(
                draft.validated(now: StoreFixture.now), id: saved.id, now: StoreFixture.now, timeZone: StoreFixture.utc)
            #expect(again == saved)
            let details = try #require(try await store.articles.find(id: saved.id))
            #expect(details.tags.map(\.name) == ["New"])
            #expect(try await store.articles.count() == 1)
        }
    }
}
