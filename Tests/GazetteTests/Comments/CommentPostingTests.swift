import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import HTTPTypes
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Posting comments")
struct CommentPostingTests {
    typealias Fixtures = CommentFixtures

    @Test("a new reader's comment is held, and shown only to its author", arguments: TestEngine.available)
    func pendingOnlyForAuthor(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: Fixtures.seed()) { site in
            var ann = Reader(site: site)
            let answer = try await ann.comment(on: Fixtures.article, "What a good decision for the town.")
            #expect(answer.status == .seeOther)
            let id = try #require(answer.commentID)
            #expect(answer.location == "\(Fixtures.article)#comment-\(id)")
            let own = try await ann.open(Fixtures.article)
            #expect(own.contains(#"<li id="comment-\#(id)" class="comment depth-1 comment-pending">"#))
            #expect(own.contains("Your comment is awaiting moderation."))
            #expect(own.contains("What a good decision for the town."))
            #expect(!own.contains("No comments yet"), "not above the reader's own comment")
            let stranger = try await site.get(Fixtures.article)
            #expect(!stranger.contains("What a good decision"))
            #expect(stranger.contains("No comments yet"))
            let stored = try #require(try await site.services.comments.find(id: id))
            #expect(stored.status == .pending)
            #expect(stored.spamReasons == ["First comment from this name and email."])
        }
    }

    @Test(
        "approved comments are threaded with anchors, reply links and nofollow author links",
        arguments: TestEngine.available)
    func threads(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: Fixtures.seed()) { site in
            var ann = Reader(site: site, website: "https://ann.example.org")
            let first = try #require(try await ann.comment(on: Fixtures.article, "First!").commentID)
            try await site.services.comments.moderate(.approve, ids: [first])
            // Ann is now known: her reply is approved at once.
            var bob = Reader(site: site, name: "Bob", email: "bob@example.com")
            let reply = try #require(
                try await bob.comment(on: Fixtures.article, "Reply to Ann", parent: first).commentID)
            try await site.services.comments.moderate(.approve, ids: [reply])
            let annReply = try #require(
                try await ann.comment(on: Fixtures.article, "Thanks Bob", parent: reply).commentID)
            let page = try await site.get(Fixtures.article)
            #expect(page.contains(#"<h2 id="comments-title" class="comments-title">3 Comments</h2>"#))
            #expect(page.contains(#"<a href="https://ann.example.org" rel="nofollow ugc external">Ann Reader</a>"#))
            #expect(page.contains(#"href="\#(Fixtures.article)?replytocom=\#(first)#respond""#))
            #expect(page.contains(#"<a href="\#(Fixtures.article)#comment-\#(reply)">"#))
            let firstBlock = try #require(page.body.range(of: #"<li id="comment-\#(first)""#))
            let nested = try #require(page.body.range(of: #"<ol class="children">"#))
            let replyBlock = try #require(page.body.range(of: #"<li id="comment-\#(reply)" class="comment depth-2">"#))
            let deepest = try #require(page.body.range(of: #"<li id="comment-\#(annReply)" class="comment depth-3">"#))
            #expect(firstBlock.lowerBound < nested.lowerBound && nested.lowerBound < replyBlock.lowerBound)
            #expect(replyBlock.lowerBound < deepest.lowerBound)
            let home = try await site.get("/")
            #expect(home.contains(#"<a href="\#(Fixtures.article)#comments">3 comments</a>"#))
        }
    }

    @Test("?replytocom sets the parent without JavaScript", arguments: TestEngine.available)
    func replyWithoutJavaScript(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: Fixtures.seed(["comments.policy": "approve-all"])) { site in
            var ann = Reader(site: site)
            let first = try #require(try await ann.comment(on: Fixtures.article, "Approve me").commentID)
            let page = try await site.get(Fixtures.article + "?replytocom=\(first)")
            #expect(page.contains("Leave a Reply to Ann Reader"))
            #expect(page.contains("Cancel reply"))
            #expect(page.contains(#"name="parent_id" id="parent_id" value="\#(first)""#))
            #expect(page.contains(#"<meta name="robots" content="noindex, follow">"#))
            let plain = try await site.get(Fixtures.article)
            #expect(plain.contains(#"<h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>"#))
            #expect(plain.contains("Your email address will not be published."))
            #expect(plain.contains("Required fields are marked"))
            #expect(
                plain.contains(#"<input name="submit" type="submit" id="submit" class="submit" value="Post Comment">"#))
            #expect(plain.contains("Save my name, email, and website in this browser for the next time I comment."))
        }
    }

    @Test(
        "each mistake brings the form back with a message by the field and everything typed kept",
        arguments: TestEngine.available)
    func formErrorsKeepText(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: Fixtures.seed()) { site in
            let typed = "Line one with <b>bold</b> & \"quotes\"\nLine two"
            let cases: [(overrides: [String: String], field: String, message: String)] = [
                (["author": ""], "author", "Please enter your name."),
                (["email": ""], "email", "Please enter your email address."),
                (["email": "not an email"], "email", "Please enter a valid email address"),
                (["url": "javascript:alert(1)"], "url", "Please enter a website address starting with http"),
                (["author": String(repeating: "n", count: 300)], "author", "Your name is too long"),
                (["comment": String(repeating: "x", count: 20_001)], "comment", "Your comment is too long"),
                (["comment": "   "], "comment", "Please type your comment."),
            ]
            for (overrides, field, message) in cases {
                var reader = Reader(site: site, website: "https://typed.example")
                var form = ["comment": typed]
                form.merge(overrides) { _, new in new }
                let answer = try await reader.comment(on: Fixtures.article, form["comment"]!, overrides: form)
                #expect(answer.status == .unprocessableContent, "\(field)")
                #expect(answer.contains(#"<span class="field-error" id="\#(field)-error">\#(message)"#), "\(field)")
                #expect(answer.contains(#"aria-invalid="true""#), "\(field)")
                if field != "comment" {
                    #expect(answer.contains("Line one with &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quotes&quot;\nLine two"))
                }
                if field != "author" {
                    #expect(answer.contains(#"id="author" name="author" type="text" value="Ann Reader""#))
                }
                #expect(answer.contains(#"<h1 id="article-title" class="article-title">Council approves"#))
            }
            #expect(try await site.services.comments.list(status: nil).isEmpty)
        }
    }

    @Test(
        "closed comments, unknown and unpublished articles explain themselves and keep the text",
        arguments: TestEngine.available)
    func unavailableArticles(engine: TestEngine) async throws {
        try await TestSite.run(
            engine,
            seed: { services in
                try await Fixtures.seed()(services)
                let jane = try #require(try await services.authors.find(email: "jane.private@example.com"))
                try await services.publishing.save(
                    .init(
                        title: "No comments here", bodyMarkdown: "Closed.", status: .published,
                        publishedAt: TestSite.now, authorID: jane.id, commentStatus: .closed))
            }
        ) { site in
            let closedPath = "/2026/11/28/no-comments-here/"
            let closedPage = try await site.get(closedPath)
            #expect(closedPage.contains("Comments are closed on this article."))
            #expect(!closedPage.contains(#"id="commentform""#))
            var ann = Reader(site: site)
            let closedID = try #require(try await site.services.articles.id(forSlug: Slug(trusted: "no-comments-here")))
            let closed = try await ann.comment(
                on: Fixtures.article, "Sneaky", overrides: ["article_id": String(closedID)])
            #expect(closed.status == .forbidden)
            #expect(closed.contains("Comments are closed on this article."))
            #expect(closed.contains(">Sneaky</textarea>"))
            let draftID = try await site.services.articles.id(forSlug: Slug(trusted: "secret-draft"))
            for articleID in ["999999", "abc", "", String(draftID ?? 0)] {
                let answer = try await site.post(
                    "/comments",
                    form: [
                        "article_id": articleID, "author": "Ann", "email": "ann@example.com",
                        "comment": "Keep me <safe>",
                    ])
                #expect(answer.status == .notFound, "\(articleID)")
                #expect(answer.contains("Your comment was not posted"))
                #expect(answer.contains("Keep me &lt;safe&gt;</textarea>"))
            }
        }
    }

    @Test("comments close on articles older than the setting", arguments: [TestEngine.sqlite])
    func closeAfterDays(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: Fixtures.seed(["comments.close_after_days": "14"])) { site in
            let old = try await site.get("/2026/10/19/october-feature/")
            #expect(old.contains("Comments are closed: this article is more than 14 days old."))
            var ann = Reader(site: site)
            let answer = try await ann.comment(
                on: Fixtures.article, "Late", overrides: ["article_id": String(try await octoberID(site))])
            #expect(answer.status == .forbidden)
            #expect(answer.contains("Comments are closed"))
            #expect(answer.contains(">Late</textarea>"))
        }
    }

    private func octoberID(_ site: TestSite) async throws -> Int64 {
        try #require(try await site.services.articles.id(forSlug: Slug(trusted: "october-feature")))
    }

    @Test(
        "a parent that is not approved, on another article, or too deep is refused with the text kept",
        arguments: TestEngine.available)
    func badParents(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: Fixtures.seed(["comments.thread_depth": "2"])) { site in
            var ann = Reader(site: site)
            let pending = try #require(try await ann.comment(on: Fixtures.article, "Pending parent").commentID)
            let notApproved = try await ann.comment(on: Fixtures.article, "Reply to pending", parent: pending)
            #expect(notApproved.status == .unprocessableContent)
            #expect(notApproved.contains("The comment you are replying to is no longer available."))
            #expect(notApproved.contains(">Reply to pending</textarea>"))
            try await site.services.comments.moderate(.approve, ids: [pending])
            let elsewhere = try await ann.comment(on: Fixtures.otherArticle, "Wrong article", parent: pending)
            #expect(elsewhere.status == .unprocessableContent)
            let child = try #require(
                try await ann.comment(on: Fixtures.article, "Depth one", parent: pending).commentID)
            try await site.services.comments.moderate(.approve, ids: [child])
            let page = try await site.get(Fixtures.article)
            #expect(!page.contains("?replytocom=\(child)#respond"))
            let tooDeep = try await ann.comment(on: Fixtures.article, "Depth two", parent: child)
            #expect(tooDeep.status == .unprocessableContent)
            #expect(tooDeep.contains("Replies can be nested only 2 levels deep."))
            #expect(tooDeep.contains(">Depth two</textarea>"))
            let junk = try await ann.comment(on: Fixtures.article, "Junk parent", overrides: ["parent_id": "x1"])
            #expect(junk.status == .unprocessableContent)
        }
    }

    @Test("flood control and duplicate detection answer with the form and the text", arguments: TestEngine.available)
    func floodAndDuplicates(engine: TestEngine) async throws {
        let clock = ManualClock(TestSite.now)
        try await TestSite.run(engine, clock: clock.clock, seed: Fixtures.seed(["comments.flood_seconds": "15"])) {
            site in
            var ann = Reader(site: site)
            #expect(try await ann.comment(on: Fixtures.article, "One").status == .seeOther)
            clock.advance(seconds: 5)
            let flood = try await ann.comment(on: Fixtures.article, "Two, too soon")
            #expect(flood.status == .tooManyRequests)
            #expect(flood.contains("You are posting comments too quickly. Please wait 15 seconds"))
            #expect(flood.contains(">Two, too soon</textarea>"))
            clock.advance(seconds: 11)
            #expect(try await ann.comment(on: Fixtures.article, "Two, too soon").status == .seeOther)
            clock.advance(seconds: 16)
            let duplicate = try await ann.comment(on: Fixtures.article, "  two, TOO   soon ")
            #expect(duplicate.status == .conflict)
            #expect(duplicate.contains("Duplicate comment detected"))
            #expect(try await site.services.comments.list(status: nil).count == 2)
        }
    }

    @Test(
        "a form sent back with a mistake keeps its first timestamp and says so at the top of the page",
        arguments: [TestEngine.sqlite])
    func correctedFormKeepsTimestamp(engine: TestEngine) async throws {
        let clock = ManualClock(TestSite.now)
        try await TestSite.run(engine, clock: clock.clock, seed: Fixtures.seed(["comments.minimum_seconds": "3"])) {
            site in
            let page = try await site.get(Fixtures.article)
            let firstToken = Reader.field("form_token", in: page.body)
            clock.advance(seconds: 10)
            var ann = Reader(site: site)
            let mistake = try await ann.comment(
                on: Fixtures.article, "Typo in my email", overrides: ["email": "ann@", "form_token": firstToken])
            #expect(Reader.field("form_token", in: mistake.body) == firstToken)
            #expect(mistake.contains("<title>Error: Council approves the new library – The Test Times</title>"))
            #expect(mistake.contains(##"<a href="#respond">Your comment was not posted yet"##))
            let action = try #require(
                mistake.body.components(separatedBy: #"<form action=""#).dropFirst().first?.split(separator: "\"").first
            )
            #expect(action.hasPrefix("/comments?article=") && action.hasSuffix("#respond"), "\(action)")
            // The page's address, opened again (a reload, a bookmark), leads back to the article's form.
            let reopened = try await site.get(String(action.dropLast("#respond".count)))
            #expect(reopened.status == .seeOther && reopened.location == Fixtures.article + "#respond")
            #expect(try await site.get("/comments").location == "/")
            #expect(try await site.get("/comments?article=999999").location == "/")
            // Corrected within a second of the error page: still a person's pace, counted from the first showing.
            let fixed = try await ann.comment(
                on: Fixtures.article, "Typo in my email", overrides: ["form_token": firstToken])
            let id = try #require(fixed.commentID)
            #expect(try await site.services.comments.find(id: id)?.status == .pending)
        }
    }

    @Test("control characters are dropped, never a server error", arguments: TestEngine.available)
    func controlCharacters(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: Fixtures.seed()) { site in
            var ann = Reader(site: site, name: "Ann\u{0}Reader")
            let answer = try await ann.comment(on: Fixtures.article, "Null\u{0}byte and bell\u{7}\nnew line")
            let id = try #require(answer.commentID)
            let stored = try #require(try await site.services.comments.find(id: id))
            #expect(stored.authorName == "AnnReader")
            #expect(stored.body == "Nullbyte and bell\nnew line")
        }
    }

    @Test(
        "behind a trusted proxy the reader's address comes from X-Forwarded-For, otherwise never",
        arguments: [TestEngine.sqlite])
    func trustedProxies(engine: TestEngine) async throws {
        for trusted in [true, false] {
            try await TestSite.run(
                engine, configure: { $0.trustedProxies = trusted ? ["127.0.0.0/8"] : [] }, seed: Fixtures.seed()
            ) { site in
                let page = try await site.get(Fixtures.article)
                var headers = HTTPFields()
                headers[HTTPField.Name("X-Forwarded-For")!] = "198.51.100.7, 203.0.113.9"
                let answer = try await site.post(
                    "/comments",
                    form: [
                        "article_id": Reader.field("article_id", in: page.body), "author": "Ann",
                        "email": "ann@example.com", "comment": "Via the proxy",
                        "form_token": Reader.field("form_token", in: page.body),
                    ], headers: headers)
                let commentID = try #require(answer.commentID)
                let stored = try #require(try await site.services.comments.find(id: commentID))
                #expect(stored.authorIP == (trusted ? "203.0.113.9" : "127.0.0.1"))
            }
        }
    }

    @Test("pages with a reader's own details are marked private for caches", arguments: [TestEngine.sqlite])
    func privatePages(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: Fixtures.seed()) { site in
            let shared = try await site.get(Fixtures.article).headers[.cacheControl]
            #expect(shared == "public, max-age=0, must-revalidate")
            var ann = Reader(site: site)
            try await ann.comment(on: Fixtures.article, "Pending, so my page is mine", overrides: ["remember": "yes"])
            let own = try await ann.open(Fixtures.article)
            #expect(own.headers[.cacheControl] == "private, no-store")
            let cookies = (try await ann.comment(on: Fixtures.article, "Another one")).headers[values: .setCookie]
            #expect(
                cookies.allSatisfy { $0.contains("HttpOnly") && $0.contains("SameSite=Lax") && $0.contains("Path=/") })
        }
    }

    @Test("remembered details fill the form only when the reader asked", arguments: [TestEngine.sqlite])
    func rememberMe(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: Fixtures.seed()) { site in
            var ann = Reader(site: site, website: "https://ann.example.org")
            try await ann.comment(on: Fixtures.article, "Forget me")
            #expect(ann.cookies["gazette_commenter"] == nil)
            try await ann.comment(on: Fixtures.article, "Remember me", overrides: ["remember": "yes"])
            let page = try await ann.open(Fixtures.otherArticle)
            #expect(page.contains(#"value="Ann Reader""#))
            #expect(page.contains(#"value="ann@example.com""#))
            #expect(page.contains(#"id="remember" name="remember" type="checkbox" value="yes" checked"#))
            try await ann.comment(on: Fixtures.article, "Forget me again")
            #expect(ann.cookies["gazette_commenter"] == nil)
        }
    }
}
