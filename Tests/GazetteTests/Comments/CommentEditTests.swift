import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Editing and answering comments in the newsroom")
struct CommentEditTests {
    @Test(
        "an editor answers a held comment: it is approved, and the reply is published under the editor's name",
        arguments: TestEngine.available)
    func staffReply(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            try await site.services.comments.updateSettings(["comments.policy": "hold-all"])
            var reader = Reader(site: site)
            let posted = try await reader.comment(on: CommentFixtures.article, "When does the library open?")
            let id = try #require(posted.commentID)
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            #expect(try await editor.open("/admin/comments").contains("/admin/comments/\(id)"))
            let page = try await editor.open("/admin/comments/\(id)")
            #expect(page.contains("Approve and reply") && page.contains("ann@example.com"))
            let empty = try await editor.post(
                "/admin/comments/\(id)/reply", pairs: [("csrf_token", try await editor.csrf()), ("reply", "  ")])
            #expect(empty.status == .unprocessableContent)
            let answered = try await editor.post(
                "/admin/comments/\(id)/reply",
                pairs: [("csrf_token", try await editor.csrf()), ("reply", "In the spring, after the works.")])
            #expect(answered.status == .seeOther)
            #expect(try await site.services.comments.find(id: id)?.status == .approved)
            let article = try await site.get(CommentFixtures.article)
            #expect(article.contains("When does the library open?"))
            #expect(article.contains("In the spring, after the works."))
            #expect(article.contains("Editor User"))
            #expect(!article.contains("editor@example.com"), "staff emails stay private too")
            // The reply carries the "Staff" badge; a reader who types an editor's name does not.
            #expect(article.body.components(separatedBy: #"<span class="staff-badge">Staff</span>"#).count - 1 == 1)
            #expect(article.contains(#"Editor User <span class="staff-badge">Staff</span>"#))
            var pretender = Reader(site: site)
            pretender.name = "Editor User"
            pretender.email = "pretender@example.com"
            let fake = try #require(
                try await pretender.comment(on: CommentFixtures.article, "I am the editor, honest.").commentID)
            try await site.services.comments.moderate(.approve, ids: [fake])
            let after = try await site.get(CommentFixtures.article)
            #expect(after.contains("I am the editor, honest."))
            #expect(after.body.components(separatedBy: #"<span class="staff-badge">Staff</span>"#).count - 1 == 1)
        }
    }

    @Test("an editor corrects a comment; bad fields are explained and nothing changes", arguments: [TestEngine.sqlite])
    func edit(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var reader = Reader(site: site)
            let id = try #require(
                try await reader.comment(on: CommentFixtures.article, "Teh library is great").commentID)
            try await site.services.comments.moderate(.approve, ids: [id])
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            let csrf = try await editor.csrf()
            let bad = try await editor.post(
                "/admin/comments/\(id)",
                pairs: [
                    ("csrf_token", csrf), ("author", "Ann Reader"), ("email", "not an email"), ("url", ""),
                    ("comment", "The library is great"),
                ])
            #expect(bad.status == .unprocessableContent && bad.contains("valid email address"))
            #expect(bad.contains("The library is great</textarea>"), "what was typed is kept")
            let fixed = try await editor.post(
                "/admin/comments/\(id)",
                pairs: [
                    ("csrf_token", csrf), ("author", "Ann Reader"), ("email", "ann@example.com"), ("url", ""),
                    ("comment", "The library is great"),
                ])
            #expect(fixed.status == .seeOther)
            let article = try await site.get(CommentFixtures.article)
            #expect(article.contains("The library is great") && !article.contains("Teh library"))
        }
    }

    @Test("people who cannot moderate cannot open, edit or answer comments", arguments: [TestEngine.sqlite])
    func access(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var reader = Reader(site: site)
            let id = try #require(try await reader.comment(on: CommentFixtures.article, "Hello there").commentID)
            #expect(try await site.get("/admin/comments/\(id)").status == .seeOther)
            var author = Staff(site: site)
            _ = try await author.signIn("author@example.com", NewsroomFixtures.password)
            #expect(try await author.open("/admin/comments/\(id)").status == .forbidden)
            let reply = try await author.post(
                "/admin/comments/\(id)/reply", pairs: [("csrf_token", try await author.csrf()), ("reply", "Hi")])
            #expect(reply.status == .forbidden)
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            #expect(try await editor.open("/admin/comments/999999").status == .notFound)
        }
    }
}

@Suite("Moderation queue paging")
struct ModerationPagingTests {
    @Test(
        "a long queue is paged fifty at a time, and a page past the end shows the last", arguments: [TestEngine.sqlite])
    func paging(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            try await site.services.comments.updateSettings(["comments.policy": "hold-all"])
            let articleID = try #require(
                try await site.services.articles.id(forSlug: Slug(trusted: "council-approves-the-new-library")))
            for number in 1...55 {
                let result = try await site.services.comments.post(
                    CommentForm(
                        articleID: String(articleID), author: "Reader \(number)", email: "r\(number)@example.com",
                        comment: "Comment number \(number)."),
                    submission: .init(
                        ip: "", userAgent: "", honeypot: "",
                        formToken: site.services.comments.formToken(articleID: articleID)))
                guard case .accepted = result else {
                    Issue.record("comment \(number) was not accepted")
                    return
                }
            }
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            let first = try await editor.open("/admin/comments")
            #expect(first.contains("Page 1 of 2") && first.count(#"name="ids""#) == 50)
            #expect(first.contains("Comment number 55.") && !first.contains("Comment number 5."))
            let second = try await editor.open("/admin/comments?status=pending&page=2")
            #expect(second.count(#"name="ids""#) == 5 && second.contains("Comment number 1."))
            let beyond = try await editor.open("/admin/comments?status=pending&page=999")
            #expect(beyond.contains("Page 2 of 2"))
        }
    }
}
