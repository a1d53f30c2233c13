import Foundation
import GazetteContent
import GazetteStorage
import GazetteTestSupport
import HTTPTypes
import Testing

@testable import Gazette
@testable import GazetteServices
@testable import GazetteWeb

@Suite("Old addresses")
struct RedirectTests {
    static let original = "/2026/11/28/markets-rally-on-rate-news/"

    @Test(
        "a published article's old addresses answer 301 to its new one, after every rename",
        arguments: TestEngine.available)
    func renamedArticle(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            #expect(try await site.get(Self.original).status == .ok)
            var (draft, id) = try await site.marketsDraft()
            draft.slug = "markets-climb-after-rate-cut"
            try await site.services.publishing.save(draft, id: id)
            let renamed = "/2026/11/28/markets-climb-after-rate-cut/"
            let moved = try await site.get(Self.original)
            #expect(moved.status == .movedPermanently)
            #expect(moved.headers[.location] == renamed)
            #expect(try await site.get(renamed).status == .ok)
            // Without the trailing slash, the canonical redirect comes first, then this one.
            #expect(try await site.get(String(Self.original.dropLast())).headers[.location] == Self.original)
            #expect(try await site.get("/2026/11/28/markets-rally-on-rate-news/?utm=x").headers[.location] == renamed)

            draft.slug = "markets-close-higher"
            draft.publishedAt = TestSite.now.addingTimeInterval(-86_400)
            try await site.services.publishing.save(draft, id: id)
            let latest = "/2026/11/27/markets-close-higher/"
            for old in [Self.original, renamed] {
                let answer = try await site.get(old)
                #expect(answer.status == .movedPermanently && answer.headers[.location] == latest, "\(old)")
            }
            #expect(Set(try await site.services.redirects.paths(of: id)) == [Self.original, renamed])
        }
    }

    @Test(
        "an old address leads nowhere once its article is off the site, and gives way to a new article there",
        arguments: TestEngine.available)
    func offTheSite(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            var (draft, id) = try await site.marketsDraft()
            let author = draft.authorID
            draft.slug = "markets-climb"
            try await site.services.publishing.save(draft, id: id)
            #expect(try await site.get(Self.original).status == .movedPermanently)

            draft.status = .draft
            try await site.services.publishing.save(draft, id: id)
            #expect(try await site.get(Self.original).status == .notFound, "a draft has no public address")

            try await site.services.publishing.save(
                ArticleDraft(
                    title: "Markets rally on rate news", bodyMarkdown: "A different story.", status: .published,
                    publishedAt: TestSite.now, authorID: author))
            let page = try await site.get(Self.original)
            #expect(page.status == .ok && page.contains("A different story."))
        }
    }

    @Test("a draft renamed before it was ever published leaves no redirect", arguments: TestEngine.available)
    func unpublishedRename(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            var (draft, _) = try await site.marketsDraft()
            draft.title = "Budget talks stall"
            draft.status = .draft
            draft.publishedAt = nil
            let saved = try await site.services.publishing.save(draft)
            draft.slug = "budget-talks-collapse"
            try await site.services.publishing.save(draft, id: saved.id)
            #expect(try await site.services.redirects.paths(of: saved.id).isEmpty)
        }
    }

    @Test("WordPress short links by id (/?p=…) lead to the imported article", arguments: TestEngine.available)
    func shortLinks(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let (_, id) = try await site.marketsDraft()
            try await site.services.redirects.add(
                path: Redirect.key(idParameter: "p", id: 10), articleID: id, now: TestSite.now)
            for path in ["/?p=10", "/?p=10&utm_source=feed", "/?utm_source=feed&p=10"] {
                let answer = try await site.get(path)
                #expect(answer.status == .movedPermanently && answer.headers[.location] == Self.original, "\(path)")
            }
            #expect(try await site.get("/?p=11").status == .ok, "an unknown id shows the front page, as WordPress does")
            #expect(try await site.get("/?p=abc").status == .ok)
            #expect(try await site.get("/?page_id=10").status == .ok, "ids of different kinds are kept apart")
        }
    }

    @Test("addresses are kept in one form: percent-encoded or not, with or without the final slash")
    func keys() {
        #expect(Redirect.key(forPath: "/2026/01/02/caf%C3%A9") == "/2026/01/02/café/")
        #expect(Redirect.key(forPath: "/2026/01/02/café/") == "/2026/01/02/café/")
        #expect(Redirect.key(forPath: "/files/report.pdf") == "/files/report.pdf")
        #expect(Redirect.key(forPath: "/bad%zzescape") == "/bad%zzescape/")
        #expect(Redirect.key(forPath: "/?p=12") == "/?p=12")
        let day = try! #require(PublicationDay(year: 987, month: 3, day: 4))
        #expect(Redirect.articlePath(day: day, slug: Slug(trusted: "old-news")) == "/0987/03/04/old-news/")
    }
}
