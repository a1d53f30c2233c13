import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("One-time links and review rules")
struct AccountLinkTests {
    @Test(
        "every setup link stops working once an admin exists, however many were printed",
        arguments: TestEngine.available)
    func setupLinks(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: CommentFixtures.seed()) { site in
            let first = try #require(try await site.services.accounts.setupLinkIfNeeded())
            let second = try #require(try await site.services.accounts.setupLinkIfNeeded())
            var ada = Staff(site: site)
            let created = try await ada.post(
                first, ["name": "Ada Admin", "email": "ada@example.com", "password": NewsroomFixtures.password])
            #expect(created.status == .seeOther)
            #expect(try await site.get(second).status == .gone)
            var mallory = Staff(site: site)
            let late = try await mallory.post(
                second, ["name": "Mallory", "email": "mallory@example.com", "password": NewsroomFixtures.password])
            #expect(late.status == .gone)
            #expect(try await site.services.authors.find(email: "mallory@example.com") == nil)
        }
    }

    @Test(
        "using one invitation or reset link ends the person's other links; deactivating ends them all",
        arguments: [TestEngine.sqlite])
    func personLinks(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            let (nadia, firstLink) = try await site.services.people.invite(
                NewAuthor(name: "Nadia", email: "nadia@example.com", role: .author))
            let secondLink = try await site.services.accounts.inviteLink(userID: nadia.id)
            var browser = Staff(site: site)
            #expect(try await browser.post(secondLink, ["password": "a long harbour password"]).status == .seeOther)
            #expect(try await site.get(firstLink).status == .gone, "the older invitation ended with the first use")

            let reset = try #require(try await site.services.accounts.resetLink(email: "nadia@example.com"))
            try await site.services.people.update(
                id: nadia.id, name: "Nadia", slug: "nadia", bio: "", avatarURL: "", email: "nadia@example.com",
                role: .author, active: false)
            #expect(try await site.get(reset).status == .gone, "deactivation ends every link")
            #expect(try await browser.open("/admin/").status == .seeOther, "and every session")
        }
    }

    @Test("expired sessions, old sign-in failures and spent links are purged", arguments: [TestEngine.sqlite])
    func purge(engine: TestEngine) async throws {
        let clock = ManualClock(TestSite.now)
        try await TestSite.run(engine, clock: clock.clock, seed: NewsroomFixtures.seed) { site in
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            var stranger = Staff(site: site)
            _ = try await stranger.signIn("editor@example.com", "wrong password!")
            #expect(try await site.services.accounts.purgeExpired() == 0, "nothing has expired yet")
            clock.advance(seconds: 15 * 86_400)
            let removed = try await site.services.accounts.purgeExpired()
            #expect(removed >= 2, "the session and the failure go; got \(removed)")
            #expect(try await editor.open("/admin/").status == .seeOther)
        }
    }

    @Test(
        "once an article is published, a contributor can no longer change, restore or unpublish it",
        arguments: [TestEngine.sqlite])
    func contributorsAfterPublication(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            let contributor = try #require(try await site.services.authors.find(email: "contributor@example.com"))
            let saved = try await site.services.publishing.save(
                ArticleDraft(
                    title: "Approved piece", bodyMarkdown: "First text.", status: .pending, authorID: contributor.id))
            let current = try #require(try await site.services.articles.find(id: saved.id))
            try await site.services.publishing.change(
                current, to: .published, expectedRevision: current.revision, savedBy: nil)
            let revision = String(current.revision + 1)
            var cody = Staff(site: site)
            _ = try await cody.signIn("contributor@example.com", NewsroomFixtures.password)
            let csrf = try await cody.csrf()
            let path = "/admin/articles/\(saved.id)"
            let edit = try await cody.post(
                path,
                pairs: [
                    ("csrf_token", csrf), ("revision", revision), ("title", "Changed"), ("body", "x"),
                    ("status", "pending"),
                ])
            #expect(edit.status == .forbidden && edit.contains("an editor makes any further change"))
            let restore = try await cody.post(
                path + "/revisions/1/restore", pairs: [("csrf_token", csrf), ("revision", revision)])
            #expect(restore.status == .forbidden)
            let trash = try await cody.post(
                path + "/status", pairs: [("csrf_token", csrf), ("status", "trashed"), ("revision", revision)])
            #expect(trash.status == .forbidden)
            let article = try #require(try await site.services.articles.find(id: saved.id))
            #expect(article.summary.status == .published && article.summary.title == "Approved piece")
        }
    }

    @Test(
        "a made-up excerpt follows the body; a written one stays; //host images are refused",
        arguments: [TestEngine.sqlite])
    func excerptsAndImages(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            let author = try #require(try await site.services.authors.find(email: "author@example.com"))
            let saved = try await site.services.publishing.save(
                ArticleDraft(title: "Piece", bodyMarkdown: "Old first paragraph.", authorID: author.id))
            var writer = Staff(site: site)
            _ = try await writer.signIn("author@example.com", NewsroomFixtures.password)
            let page = try await writer.open("/admin/articles/\(saved.id)")
            #expect(ArticleHistoryTests.textarea("excerpt", in: page.body) == "")
            let changed = try await writer.post(
                "/admin/articles/\(saved.id)",
                pairs: [
                    ("csrf_token", try await writer.csrf()), ("revision", "1"), ("title", "Piece"),
                    ("body", "New first paragraph."), ("status", "draft"), ("excerpt", ""),
                ])
            #expect(changed.status == .seeOther)
            #expect(try await site.services.articles.find(id: saved.id)?.summary.excerpt == "New first paragraph.")
            let evil = try await writer.post(
                "/admin/articles/\(saved.id)",
                pairs: [
                    ("csrf_token", try await writer.csrf()), ("revision", "2"), ("title", "Piece"), ("body", "x"),
                    ("status", "draft"), ("image_url", "//evil.example/x.png"), ("image_alt", "x"),
                ])
            #expect(evil.status == .unprocessableContent && evil.contains("should start with https://"))
        }
    }
}
