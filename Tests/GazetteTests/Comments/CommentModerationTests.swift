import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Comment moderation and spam defence")
struct CommentModerationTests {
    typealias Fixtures = CommentFixtures

    @Test("spam signals mark a comment as spam and record why", arguments: TestEngine.available)
    func spamSignals(engine: TestEngine) async throws {
        let clock = ManualClock(TestSite.now)
        try await TestSite.run(
            engine, clock: clock.clock,
            seed: Fixtures.seed(["comments.minimum_seconds": "3", "comments.block_list": "casino, 203.0.113.0/24"])
        ) { site in
            var ann = Reader(site: site)
            let tooFast = try #require(try await ann.comment(on: Fixtures.article, "Instant reply").commentID)
            clock.advance(seconds: 10)
            let honeypot = try #require(
                try await ann.comment(on: Fixtures.article, "Bot text", overrides: ["gazette_trap": "http://spam"])
                    .commentID)
            let forged = try #require(
                try await ann.comment(on: Fixtures.article, "Forged", overrides: ["form_token": "1-1.AAAA"]).commentID)
            let blocked = try #require(try await ann.comment(on: Fixtures.article, "Best CASINO bonus").commentID)
            let expectations: [(Int64, String)] = [
                (tooFast, "Posted 0 s after the form was shown (minimum 3 s)."),
                (honeypot, "The hidden anti-spam field was filled in."),
                (forged, "The form's signed timestamp was missing or altered."),
                (blocked, "Matches the block list entry “casino”."),
            ]
            for (id, reason) in expectations {
                let comment = try #require(try await site.services.comments.find(id: id))
                #expect(comment.status == .spam, "\(reason)")
                #expect(comment.spamReasons.contains(reason), "\(comment.spamReasons)")
                #expect(comment.spamScore >= SpamCheck.spamThreshold)
            }
            // A reader whose comment went to spam still sees it as awaiting moderation; nobody else sees it.
            #expect(try await ann.open(Fixtures.article).contains("Best CASINO bonus"))
            #expect(!(try await site.get(Fixtures.article).contains("Best CASINO bonus")))
        }
    }

    @Test("moderation words and many links hold a comment; policies decide the rest", arguments: TestEngine.available)
    func holdsAndPolicies(engine: TestEngine) async throws {
        try await TestSite.run(
            engine, seed: Fixtures.seed(["comments.moderation_words": "lawsuit", "comments.policy": "approve-all"])
        ) { site in
            var ann = Reader(site: site)
            let plain = try #require(try await ann.comment(on: Fixtures.article, "Plain words").commentID)
            let word = try #require(try await ann.comment(on: Fixtures.article, "A LAWSUIT is coming").commentID)
            let links = try #require(
                try await ann.comment(
                    on: Fixtures.article, "See https://a.example, http://b.example and www.c.example please"
                ).commentID)
            #expect(try await site.services.comments.find(id: plain)?.status == .approved)
            let held = try #require(try await site.services.comments.find(id: word))
            #expect(held.status == .pending)
            #expect(held.spamReasons.contains("Contains the moderation word “lawsuit”."))
            let linked = try #require(try await site.services.comments.find(id: links))
            #expect(linked.status == .pending)
            #expect(linked.spamReasons.contains("Has 3 links (more than 2)."))

            try await site.services.comments.updateSettings(["comments.policy": "hold-all"])
            let heldAll = try #require(try await ann.comment(on: Fixtures.article, "Known but held").commentID)
            #expect(try await site.services.comments.find(id: heldAll)?.status == .pending)

            try await site.services.comments.updateSettings(["comments.policy": "approve-known"])
            let known = try #require(try await ann.comment(on: Fixtures.article, "Known and approved").commentID)
            #expect(try await site.services.comments.find(id: known)?.status == .approved)
            var stranger = Reader(site: site, name: "Ann Reader", email: "other@example.com")
            let unknown = try #require(
                try await stranger.comment(on: Fixtures.article, "Same name, other email").commentID)
            #expect(try await site.services.comments.find(id: unknown)?.status == .pending)
        }
    }

    @Test("moderation changes show on the next request, with the count kept right", arguments: TestEngine.available)
    func moderationIsVisible(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: Fixtures.seed()) { site in
            var ann = Reader(site: site)
            let id = try #require(try await ann.comment(on: Fixtures.article, "Moderate me").commentID)
            #expect(!(try await site.get(Fixtures.article).contains("Moderate me")))
            try await site.services.comments.moderate(.approve, ids: [id])
            let approved = try await site.get(Fixtures.article)
            #expect(approved.contains("Moderate me") && approved.contains("1 Comment"))
            #expect(try await site.get("/").contains("1 comment"))
            try await site.services.comments.moderate(.spam, ids: [id])
            let spammed = try await site.get(Fixtures.article)
            #expect(!spammed.contains("Moderate me") && spammed.contains("No comments yet"))
            try await site.services.comments.moderate(.approve, ids: [id])
            try await site.services.comments.moderate(.trash, ids: [id])
            let trashed = try #require(try await site.services.comments.find(id: id))
            #expect(try await site.services.articles.find(id: trashed.articleID)?.commentCount == 0)
        }
    }

    @Test("deleting a comment keeps its replies, moved up a level", arguments: TestEngine.available)
    func deleteKeepsReplies(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: Fixtures.seed(["comments.policy": "approve-all"])) { site in
            var ann = Reader(site: site)
            let root = try #require(try await ann.comment(on: Fixtures.article, "Root").commentID)
            let child = try #require(try await ann.comment(on: Fixtures.article, "Child", parent: root).commentID)
            let grandchild = try #require(
                try await ann.comment(on: Fixtures.article, "Grandchild", parent: child).commentID)
            #expect(try await site.services.comments.delete(ids: [root]) == [root])
            let movedChild = try #require(try await site.services.comments.find(id: child))
            #expect(movedChild.parentID == nil && movedChild.depth == 0)
            #expect(try await site.services.comments.find(id: grandchild)?.depth == 1)
            let page = try await site.get(Fixtures.article)
            #expect(page.contains(#"<li id="comment-\#(child)" class="comment depth-1">"#))
            #expect(page.contains(#"<li id="comment-\#(grandchild)" class="comment depth-2">"#))
            #expect(page.contains("2 Comments"))
        }
    }

    @Test("spam and trash older than the purge delay are deleted; the rest stays", arguments: TestEngine.available)
    func purge(engine: TestEngine) async throws {
        let clock = ManualClock(TestSite.now)
        try await TestSite.run(engine, clock: clock.clock, seed: Fixtures.seed()) { site in
            var ann = Reader(site: site)
            let spam = try #require(try await ann.comment(on: Fixtures.article, "Old spam").commentID)
            let kept = try #require(try await ann.comment(on: Fixtures.article, "Pending stays").commentID)
            try await site.services.comments.moderate(.spam, ids: [spam])
            clock.advance(seconds: 29 * 86_400)
            #expect(try await site.services.comments.purgeExpired() == 0)
            clock.advance(seconds: 2 * 86_400)
            #expect(try await site.services.comments.purgeExpired() == 1)
            #expect(try await site.services.comments.find(id: spam) == nil)
            #expect(try await site.services.comments.find(id: kept) != nil)
        }
    }

    @Test("long threads page, oldest or newest first", arguments: TestEngine.available)
    func paging(engine: TestEngine) async throws {
        let clock = ManualClock(TestSite.now)
        try await TestSite.run(
            engine, clock: clock.clock,
            seed: Fixtures.seed(["comments.per_page": "2", "comments.policy": "approve-all"])
        ) { site in
            var ann = Reader(site: site)
            for index in 1...3 {
                try await ann.comment(on: Fixtures.article, "Comment number \(index)")
                clock.advance(seconds: 60)
            }
            let first = try await site.get(Fixtures.article)
            #expect(first.contains("Comment number 1") && first.contains("Comment number 2"))
            #expect(!first.contains("Comment number 3"))
            #expect(first.contains(#"href="\#(Fixtures.article)?cpage=2#comments""#))
            let second = try await site.get(Fixtures.article + "?cpage=2")
            #expect(second.contains("Comment number 3") && !second.contains("Comment number 1"))
            #expect(try await site.get(Fixtures.article + "?cpage=3").status == .notFound)
            #expect(try await site.get(Fixtures.article + "?cpage=0").status == .notFound)
            try await site.services.comments.updateSettings(["comments.order": "newest-first"])
            let newest = try await site.get(Fixtures.article)
            #expect(newest.contains("Comment number 3") && !newest.contains("Comment number 1"))
        }
    }

    @Test(
        "a changed slug keeps the thread: comments belong to the article, not its address",
        arguments: TestEngine.available)
    func slugChange(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: Fixtures.seed(["comments.policy": "approve-all"])) { site in
            var ann = Reader(site: site)
            try await ann.comment(on: Fixtures.article, "Still here after the rename")
            let id = try #require(
                try await site.services.articles.id(forSlug: Slug(trusted: "council-approves-the-new-library")))
            let details = try #require(try await site.services.articles.find(id: id))
            try await site.services.publishing.save(
                .init(
                    title: details.summary.title, slug: "library-vote", bodyMarkdown: details.bodyMarkdown,
                    status: .published, publishedAt: details.summary.publishedAt,
                    authorID: try #require(try await site.services.authors.find(slug: details.summary.byline.slug)).id),
                id: id)
            let renamed = try await site.get("/2026/11/28/library-vote/")
            #expect(renamed.contains("Still here after the rename"))
        }
    }

    @Test(
        "emails and IP addresses never reach a public page; IPs can be stored truncated",
        arguments: TestEngine.available)
    func privacy(engine: TestEngine) async throws {
        try await TestSite.run(
            engine, seed: Fixtures.seed(["comments.policy": "approve-all", "comments.truncate_ips": "on"])
        ) { site in
            var ann = Reader(site: site, email: "ann.secret@example.com")
            let id = try #require(try await ann.comment(on: Fixtures.article, "Private details stay private").commentID)
            #expect(try await site.services.comments.find(id: id)?.authorIP == "127.0.0.0")
            for path in ["/", Fixtures.article, "/tag/council/", "/author/jane-doe/"] {
                let page = try await site.get(path)
                #expect(!page.contains("ann.secret@example.com"), "\(path)")
                #expect(!page.contains("127.0.0."), "\(path)")
            }
        }
    }
}
