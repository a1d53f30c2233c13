import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Mail: the newsroom's notices")
struct StaffNoticeTests {
    /// Sends what is queued and returns every message written so far, by recipient.
    static func delivered(_ site: TestSite) async throws -> [(to: String, message: String)] {
        try await site.services.mailSender(logger: TestDatabase.logger).sendDue()
        return try Mailbox.messages(site).map { message in
            let to = message.split(separator: "\r\n").first { $0.hasPrefix("To: ") }?.dropFirst(4) ?? ""
            let address = to.contains("<") ? to.split(separator: "<").last?.split(separator: ">").first ?? "" : to
            return (String(address), message)
        }
    }

    static func subjects(_ mail: [(to: String, message: String)], to address: String) -> [String] {
        mail.filter { $0.to == address }.compactMap { entry in
            entry.message.split(separator: "\r\n").first { $0.hasPrefix("Subject: ") }.map { String($0.dropFirst(9)) }
        }
    }

    @Test(
        "a submission mails editors and admins; sending back and publishing mail the author; nobody hears of their own act",
        arguments: TestEngine.available)
    func articles(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var contributor = Staff(site: site)
            _ = try await contributor.signIn("contributor@example.com", NewsroomFixtures.password)
            let submitted = try await contributor.post(
                "/admin/articles/new",
                ArticleEditorTests.form(
                    ["title": "Harbour dredging", "body": "The channel silts up.", "action": "review"],
                    csrf: try await contributor.csrf()))
            let path = String(try #require(submitted.location).split(separator: "?")[0])
            var mail = try await Self.delivered(site)
            #expect(Self.subjects(mail, to: "editor@example.com") == ["For review: Harbour dredging"])
            #expect(Self.subjects(mail, to: "admin@example.com") == ["For review: Harbour dredging"])
            #expect(mail.count == 2, "not the contributor, not the author-role user")
            let review = try #require(mail.first { $0.to == "editor@example.com" }?.message)
            #expect(review.contains("Contributor User submitted “Harbour dredging” for review."))
            #expect(review.contains("https://news.example.com/admin/articles/"))
            #expect(review.contains("https://news.example.com/admin/profile/notifications"))
            #expect(review.contains("Auto-Submitted: auto-generated"))

            // An editor sends it back: the contributor hears; the editor does not hear of their own act.
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            var page = try await editor.open(path)
            _ = try await editor.post(
                path,
                ArticleEditorTests.form(
                    ["title": "Harbour dredging", "body": "The channel silts up.", "action": "draft"],
                    csrf: try await editor.csrf(), revision: Reader.field("revision", in: page.body)))
            mail = try await Self.delivered(site)
            #expect(Self.subjects(mail, to: "contributor@example.com") == ["Back to drafts: Harbour dredging"])
            #expect(mail.count == 3)

            // Submitted again: a second notice, since it is a second submission.
            page = try await contributor.open(path)
            _ = try await contributor.post(
                path,
                ArticleEditorTests.form(
                    ["title": "Harbour dredging", "body": "The channel silts up fast.", "action": "review"],
                    csrf: try await contributor.csrf(), revision: Reader.field("revision", in: page.body)))
            page = try await editor.open(path)
            _ = try await editor.post(
                path,
                ArticleEditorTests.form(
                    ["title": "Harbour dredging", "body": "The channel silts up fast.", "action": "publish"],
                    csrf: try await editor.csrf(), revision: Reader.field("revision", in: page.body)))
            mail = try await Self.delivered(site)
            #expect(
                Self.subjects(mail, to: "editor@example.com")
                    == Array(repeating: "For review: Harbour dredging", count: 2))
            #expect(
                Self.subjects(mail, to: "contributor@example.com") == [
                    "Back to drafts: Harbour dredging", "Published: Harbour dredging",
                ])
            let published = try #require(mail.last { $0.to == "contributor@example.com" }?.message)
            #expect(published.contains("Editor User published your article “Harbour dredging”."))

            // An editor publishing their own article, or a reviewer who turned reviews off, hears nothing.
            var admin = Staff(site: site)
            _ = try await admin.signIn("admin@example.com", NewsroomFixtures.password)
            let saved = try await admin.post(
                "/admin/profile/notifications",
                ["csrf_token": try await admin.csrf(), "own_articles": "1", "comments": "off"])
            #expect(saved.location == "/admin/profile/notifications?saved=1")
            let choices = try await admin.open("/admin/profile/notifications")
            #expect(!choices.contains(#"name="reviews" value="1" checked"#))
            #expect(choices.contains(#"name="own_articles" value="1" checked"#))
            #expect(choices.contains(#"name="comments" value="off" checked"#))
            _ = try await editor.post(
                "/admin/articles/new",
                ArticleEditorTests.form(
                    ["title": "Own story", "body": "Mine.", "action": "publish"], csrf: try await editor.csrf()))
            _ = try await contributor.post(
                "/admin/articles/new",
                ArticleEditorTests.form(
                    ["title": "Ferry timetable", "body": "Winter hours.", "action": "review"],
                    csrf: try await contributor.csrf()))
            mail = try await Self.delivered(site)
            #expect(
                Self.subjects(mail, to: "admin@example.com") == [
                    "For review: Harbour dredging", "For review: Harbour dredging",
                ])
            #expect(Self.subjects(mail, to: "editor@example.com").last == "For review: Ferry timetable")
            #expect(!mail.contains { $0.message.contains("Own story") })
        }
    }

    @Test(
        "held comments reach moderators one by one, in a daily summary, or not at all; never with the reader's address",
        arguments: TestEngine.available)
    func comments(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            let form = try await editor.open("/admin/profile/notifications")
            #expect(form.contains("Comments held for moderation"))
            #expect(form.contains(#"name="comments" value="each" checked"#), "everyone starts with each comment")
            _ = try await editor.post(
                "/admin/profile/notifications",
                ["csrf_token": try await editor.csrf(), "reviews": "1", "own_articles": "1", "comments": "daily"])
            #expect(
                try await site.services.staffNotices.choices(
                    userID: try #require(try await site.services.authors.find(email: "editor@example.com")).id)
                    == NoticeChoices(reviews: true, ownArticles: true, comments: .daily))

            // Authors and contributors choose only about their own articles, and cannot switch the rest on.
            var author = Staff(site: site)
            _ = try await author.signIn("author@example.com", NewsroomFixtures.password)
            #expect(!(try await author.open("/admin/profile/notifications").contains("Comments held")))
            _ = try await author.post(
                "/admin/profile/notifications", ["csrf_token": try await author.csrf(), "comments": "off"])
            #expect(try await author.open("/admin/profile/notifications").contains(#"name="own_articles" value="1">"#))

            var reader = Reader(site: site, name: "Ann Reader", email: "ann.private@example.net")
            let posted = try await reader.comment(on: CommentFixtures.article, "The library needs longer hours.")
            let id = try #require(posted.commentID)
            var mail = try await Self.delivered(site)
            #expect(
                Self.subjects(mail, to: "admin@example.com") == ["Comment waiting: Council approves the new library"])
            #expect(mail.count == 1, "the editor chose the daily summary; authors do not moderate")
            let held = try #require(mail.first?.message)
            #expect(held.contains("Ann Reader commented on"))
            #expect(held.contains("The library needs longer hours."))
            #expect(held.contains("https://news.example.com/admin/comments/\(id)"))
            #expect(!held.contains("ann.private"), "the reader's address is never in the mail")

            // The summary: once a day however often it is asked, and only to those who chose it.
            #expect(try await site.services.moderationSummary.queueIfDue() == "2026-11-28")
            #expect(try await site.services.moderationSummary.queueIfDue() == nil)
            try await site.services.staffNotices.queueSummary(
                day: "2026-11-28", now: TestSite.now, writer: StaffNotifier(mailer: site.services.mailer).writer)
            mail = try await Self.delivered(site)
            #expect(Self.subjects(mail, to: "editor@example.com") == ["One comment waits for moderation"])
            #expect(mail.count == 2)
        }
    }

    @Test("the summary waits for the site's morning, and is not sent when nothing waits")
    func summaryTiming() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_935_600))  // 2026-11-29 07:00 UTC
        try await TestSite.run(.sqlite, clock: clock.clock, seed: NewsroomFixtures.seed) { site in
            let editor = try #require(try await site.services.authors.find(email: "editor@example.com"))
            try await site.services.staffNotices.setChoices(NoticeChoices(comments: .daily), userID: editor.id)
            var reader = Reader(site: site)
            _ = try await reader.comment(on: CommentFixtures.article, "Early bird.")
            #expect(try await site.services.moderationSummary.queueIfDue() == nil, "before 08:00")
            clock.advance(seconds: 3_600)
            #expect(try await site.services.moderationSummary.queueIfDue() == "2026-11-29")
            #expect(try await Self.delivered(site).contains { $0.message.contains("One comment waits") })
            // The next day with nothing waiting: no email.
            let pending = try await site.services.comments.list(status: .pending)
            _ = try await site.services.comments.moderate(.approve, ids: pending.map(\.id))
            clock.advance(seconds: 86_400)
            #expect(try await site.services.moderationSummary.queueIfDue() == "2026-11-30")
            #expect(
                Self.subjects(try await Self.delivered(site), to: "editor@example.com") == [
                    "One comment waits for moderation"
                ])
        }
    }

    @Test("which save gives which notice")
    func transitions() {
        let note = StaffNotice.ArticleNote(
            articleID: 7, revision: 3, title: "T", authorID: 1, authorName: "A", actorName: "E", publishedAt: nil)
        #expect(StaffNotice.afterSave(from: .draft, to: .pending, actorID: 1, note: note) == .submitted(note))
        #expect(StaffNotice.afterSave(from: nil, to: .pending, actorID: 1, note: note) == .submitted(note))
        #expect(StaffNotice.afterSave(from: .pending, to: .pending, actorID: 1, note: note) == nil)
        #expect(StaffNotice.afterSave(from: .pending, to: .draft, actorID: 2, note: note) == .sentBack(note))
        #expect(StaffNotice.afterSave(from: .pending, to: .draft, actorID: 1, note: note) == nil, "withdrawn")
        #expect(StaffNotice.afterSave(from: .pending, to: .published, actorID: 2, note: note) == .published(note))
        #expect(StaffNotice.afterSave(from: .draft, to: .published, actorID: 1, note: note) == nil)
        #expect(StaffNotice.afterSave(from: .pending, to: .scheduled, actorID: 2, note: note) == .scheduled(note))
        #expect(StaffNotice.afterSave(from: .scheduled, to: .published, actorID: nil, note: note) == nil)
        #expect(StaffNotice.afterSave(from: .published, to: .draft, actorID: 2, note: note) == nil)
        #expect(StaffNotice.submitted(note).eventKey == "review:7:3")
    }
}
