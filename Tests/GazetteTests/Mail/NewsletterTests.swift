import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Mail: newsletters")
struct NewsletterTests {
    /// A reader who asked for `topics` and confirmed from the email.
    static func subscribe(
        _ site: TestSite, _ email: String, to topics: [SubscriptionTopic], confirm: Bool = true
    )
        async throws
    {
        let subscriptions = site.services.subscriptions
        _ = try await subscriptions.request(email: email, topics: topics, consent: "test", ip: "192.0.2.\(email.count)")
        guard confirm, let reader = try await subscriptions.subscriber(email: email) else { return }
        _ = try await subscriptions.confirm(token: subscriptions.tokens.token(for: reader.id))
    }

    static var design: ThemedNewsletter { ThemedNewsletter(theme: try! Theme(overrideFolder: nil)) }

    /// Runs the newsletter worker and the sender once; the newsletters delivered so far, by recipient.
    static func newsletters(_ site: TestSite, batch: Int = 1_000) async throws -> [(to: String, message: String)] {
        var service = site.services.newsletters
        service.batch = batch
        try await service.run(design: design, logger: TestDatabase.logger)
        return try await StaffNoticeTests.delivered(site).filter { $0.message.contains("Precedence: bulk") }
    }

    @Test(
        "an article goes to the readers of its site, section, tag or author, once each, with its own unsubscribe",
        arguments: TestEngine.available)
    func article(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            try await Self.subscribe(site, "all@example.org", to: [.site])
            try await Self.subscribe(site, "harbour@example.org", to: [.tag(Slug(trusted: "harbour"))])
            try await Self.subscribe(
                site, "both@example.org",
                to: [.site, .tag(Slug(trusted: "harbour")), .author(Slug(trusted: "editor-user"))])
            try await Self.subscribe(site, "other@example.org", to: [.tag(Slug(trusted: "markets"))])
            try await Self.subscribe(site, "unconfirmed@example.org", to: [.site], confirm: false)
            try await Self.subscribe(site, "left@example.org", to: [.site])
            let left = try #require(try await site.services.subscriptions.subscriber(email: "left@example.org"))
            _ = try await site.services.subscriptions.unsubscribe(
                token: site.services.subscriptions.tokens.token(for: left.id), from: .everything)

            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            let blank = try await editor.open("/admin/articles/new")
            #expect(blank.contains(#"<input type="checkbox" name="newsletter" value="1"> Email it to subscribers"#))
            let saved = try await editor.post(
                "/admin/articles/new",
                ArticleEditorTests.form(
                    [
                        "title": "Harbour reopens after dredging", "dek": "Boats are back & busy.",
                        "body": "The [channel](/2026/11/28/council-approves-the-new-library/) is *deep* again.",
                        "tags": "Harbour", "action": "publish", "newsletter": "1",
                    ], csrf: try await editor.csrf()))
            let path = String(try #require(saved.location).split(separator: "?")[0])
            #expect(try await editor.open(path).contains("It goes to its subscribers by email when it is published."))

            let mail = try await Self.newsletters(site)
            #expect(mail.map(\.to).sorted() == ["all@example.org", "both@example.org", "harbour@example.org"])
            let copy = try #require(mail.first { $0.to == "both@example.org" }?.message)
            #expect(FollowCommentsTests.header("Subject", in: copy) == "Harbour reopens after dredging")
            #expect(copy.contains("Content-Type: text/plain") && copy.contains("Content-Type: text/html"))
            #expect(copy.contains("Boats are back &amp; busy."), "the HTML part escapes")
            #expect(copy.contains("Boats are back & busy."), "the text part does not")
            #expect(copy.contains(#"<a href="https://news.example.com/2026/11/28/council-approves-the-new-library/">"#))
            #expect(copy.contains("<em>deep</em>"))
            let reader = try #require(try await site.services.subscriptions.subscriber(email: "both@example.org"))
            let token = site.services.subscriptions.tokens.token(for: reader.id)
            let stop = "https://news.example.com/subscriptions/\(token)/unsubscribe?topic=newsletters"
            #expect(FollowCommentsTests.header("List-Unsubscribe", in: copy) == "<\(stop)>")
            #expect(copy.contains(#"<a href="\#(stop)""#), "the footer link is the reader's own")
            #expect(!copy.contains("unsubscribe.invalid"), "no marker is left")
            #expect(!copy.contains("all@example.org") && !copy.contains("harbour@example.org"))

            // Saving it again, even asking again, sends nothing more; the editor says what happened.
            let page = try await editor.open(path)
            #expect(page.contains("Sent by email to 3 subscribers on 28 November 2026."))
            #expect(!page.contains(#"name="newsletter""#))
            _ = try await editor.post(
                path,
                ArticleEditorTests.form(
                    [
                        "title": "Harbour reopens after dredging", "body": "Deep again.", "tags": "Harbour",
                        "action": "update", "newsletter": "1",
                    ], csrf: try await editor.csrf(), revision: Reader.field("revision", in: page.body)))
            #expect(try await Self.newsletters(site).count == 3)

            // The one-click link stops newsletters and keeps the reader's other follows.
            _ = try await site.services.subscriptions.request(
                email: "both@example.org", topics: [.thread(articleID: 1)], consent: "test", ip: "192.0.2.77")
            _ = try await site.services.subscriptions.confirm(token: token)
            let stopped = try await site.post(
                String(stop.dropFirst("https://news.example.com".count)), form: ["List-Unsubscribe": "One-Click"])
            #expect(stopped.contains("You will get no more newsletters from this site."))
            let after = try #require(try await site.services.subscriptions.subscriber(email: "both@example.org"))
            #expect(after.following.map(\.topic) == [.thread(articleID: 1)])
            #expect(after.status == .active)
        }
    }

    @Test(
        "a stop part-way through carries on where it was, one copy each; a scheduled article waits, one taken down is not sent"
    )
    func resumeAndTiming() async throws {
        let clock = ManualClock(TestSite.now)
        try await TestSite.run(.sqlite, clock: clock.clock, seed: NewsroomFixtures.seed) { site in
            for number in 1...7 { try await Self.subscribe(site, "reader\(number)@example.org", to: [.site]) }
            let editor = try #require(try await site.services.authors.find(email: "editor@example.com"))
            let draft = ArticleDraft(
                title: "Ferry strike called off", bodyMarkdown: "Sailings resume.", status: .published,
                publishedAt: TestSite.now, authorID: editor.id)
            try await site.services.publishing.save(
                draft, savedBy: editor.id, writtenBy: .trusted, newsletter: true)
            // The worker renders it and queues three, then stops; the sender sends those meanwhile.
            let store = site.services.newsletters.store
            let due = try #require(try await store.due(now: clock.clock.now()).first)
            var first = site.services.newsletters
            first.batch = 3
            #expect(try await first.run(design: Self.design, logger: TestDatabase.logger, batches: 1) == 3)
            #expect(try await store.find(id: due.id)?.status == "sending")
            // One of those three leaves before the sender gets to them: their queued copy is not sent.
            let leaving = try #require(try await site.services.subscriptions.subscriber(email: "reader3@example.org"))
            _ = try await site.services.subscriptions.unsubscribe(
                token: site.services.subscriptions.tokens.token(for: leaving.id), from: .newsletters)
            let bulk = { (mail: [(to: String, message: String)]) in
                mail.filter { $0.message.contains("Precedence: bulk") }
            }
            #expect(bulk(try await StaffNoticeTests.delivered(site)).count == 2)
            // The next run (after a restart, say) carries on from the fourth; nobody gets two.
            let all = try await Self.newsletters(site, batch: 2)
            #expect(all.count == 6 && Set(all.map(\.to)).count == 6 && !all.contains { $0.to == "reader3@example.org" })
            #expect(try await store.find(id: due.id)?.status == "queued")
            #expect(try await store.fanOut(id: due.id, batch: 3, sender: "x@example.com", now: clock.clock.now()) == 0)
            let delivery = try await store.delivery(id: due.id)
            #expect(delivery == ["sent": 6, "failed": 1], "\(delivery)")

            // Scheduled: nothing until its time; then it goes.
            let later = ArticleDraft(
                title: "Bridge opens", bodyMarkdown: "Ribbon cut.", status: .scheduled,
                publishedAt: TestSite.now.addingTimeInterval(3_600), authorID: editor.id)
            let scheduled = try await site.services.publishing.save(
                later, savedBy: editor.id, writtenBy: .trusted, newsletter: true)
            #expect(try await Self.newsletters(site).count == 6)
            clock.advance(seconds: 3_601)
            _ = try await site.services.publishing.publishDue()
            #expect(try await Self.newsletters(site).count == 12)
            #expect(try await site.services.newsletters.forArticle(scheduled.id)?.recipients == 6)

            // Taken down before its time: not sent, and the editor says so.
            let pulled = ArticleDraft(
                title: "Rumour", bodyMarkdown: "Unconfirmed.", status: .scheduled,
                publishedAt: clock.clock.now().addingTimeInterval(600), authorID: editor.id)
            let rumour = try await site.services.publishing.save(
                pulled, savedBy: editor.id, writtenBy: .trusted, newsletter: true)
            var back = pulled
            back.status = .draft
            _ = try await site.services.publishing.save(back, id: rumour.id, savedBy: editor.id, writtenBy: .trusted)
            clock.advance(seconds: 700)
            #expect(try await Self.newsletters(site).count == 12)
            #expect(try await site.services.newsletters.forArticle(rumour.id)?.status == "cancelled")
        }
    }
}

@Suite("Mail: the subscribe form")
struct SubscribeFormTests {
    @Test(
        "on every page; a tag's page also offers the tag; double opt-in; bots, bad addresses and hostile text get nowhere",
        arguments: TestEngine.available)
    func form(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: CommentFixtures.seed()) { site in
            let front = try await site.get("/")
            #expect(front.contains(#"<form class="subscribe-form" action="/subscribe" method="post""#))
            #expect(front.contains(#"<input type="hidden" name="topic" value="site">"#))
            let article = try await site.get(CommentFixtures.article)
            #expect(article.contains(#"action="/subscribe""#))
            let tagLink = try #require(article.body.firstMatch(of: #/href="/tag/([a-z0-9-]+)/"/#))
            let tag = String(tagLink.output.1)
            let tagPage = try await site.get("/tag/\(tag)/")
            #expect(tagPage.contains(#"<input type="checkbox" name="topic" value="tag:\#(tag)">"#))

            let asked = try await site.post(
                "/subscribe", pairs: [("email", " Reader@Example.org "), ("topic", "site"), ("topic", "tag:\(tag)")])
            #expect(asked.status == .ok && asked.contains("Check your inbox"))
            #expect(asked.headers[.cacheControl] == "private, no-store")
            let mail = try await StaffNoticeTests.delivered(site)
            #expect(mail.map(\.to) == ["reader@example.org"])
            let confirmation = try #require(mail.first?.message)
            #expect(confirmation.contains("• Every new article") && confirmation.contains("• Tag: "))
            let reader = try #require(try await site.services.subscriptions.subscriber(email: "reader@example.org"))
            #expect(reader.following.isEmpty && reader.waiting.count == 2)

            // Asking again says the same and sends nothing more within the hour; a bot's post sends nothing.
            let again = try await site.post("/subscribe", form: ["email": "reader@example.org", "topic": "site"])
            #expect(
                again.body.replacingOccurrences(of: "reader@example.org", with: "X")
                    == asked.body.replacingOccurrences(of: "Reader@Example.org", with: "X"))
            let bot = try await site.post(
                "/subscribe", form: ["email": "victim@example.org", "topic": "site", "gazette_trap": "http://spam"])
            #expect(bot.contains("Check your inbox"))
            // A discussion cannot be followed from here (only from one's own comment).
            _ = try await site.post("/subscribe", form: ["email": "thread@example.org", "topic": "thread:1"])
            #expect(
                try await site.services.subscriptions.subscriber(email: "thread@example.org")?.waiting.map(\.topic)
                    == [.site])
            #expect(try await StaffNoticeTests.delivered(site).count == 2)
            #expect(try await site.services.subscriptions.subscriber(email: "victim@example.org") == nil)

            for hostile in HostileInput.xss.prefix(10) {
                let answer = try await site.post("/subscribe", form: ["email": hostile, "topic": "site"])
                #expect(answer.status == .unprocessableContent, "\(hostile)")
                #expect(!answer.body.contains(hostile) || !hostile.contains("<"), "\(hostile) comes back escaped")
            }
            let empty = try await site.post("/subscribe", form: ["email": ""])
            #expect(empty.status == .unprocessableContent && empty.contains("Type your email address"))
        }
    }
}

@Suite("Mail: the digest")
struct DigestTests {
    @Test("at 07:00, once a day, the latest articles to those who chose the digest; none when nothing is new")
    func daily() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_935_600 - 3_600))  // 2026-11-29 06:00 UTC
        try await TestSite.run(.sqlite, clock: clock.clock, seed: CommentFixtures.seed()) { site in
            #expect(!(try await site.get("/").contains(#"value="digest""#)), "not offered while off")
            try await site.services.site.update(["site.digest": "daily"])
            let front = try await site.get("/")
            #expect(
                front.contains(
                    #"<input type="checkbox" name="topic" value="digest"> A daily digest of the latest articles"#))
            try await NewsletterTests.subscribe(site, "digest@example.org", to: [.digest])
            try await NewsletterTests.subscribe(site, "every@example.org", to: [.site])

            #expect(try await NewsletterTests.newsletters(site).isEmpty, "before 07:00")
            clock.advance(seconds: 3_660)
            let mail = try await NewsletterTests.newsletters(site)
            #expect(mail.map(\.to) == ["digest@example.org"])
            let digest = try #require(mail.first?.message)
            #expect(
                FollowCommentsTests.header("Subject", in: digest)
                    == "The Test Times: your daily digest, 29 November 2026")
            #expect(digest.contains("Council approves the new library"))
            #expect(digest.contains("new articles since the last digest"))
            clock.advance(seconds: 3_600)
            #expect(try await NewsletterTests.newsletters(site).count == 1, "once a day")

            // The next morning nothing new was published: no email.
            clock.advance(seconds: 86_400)
            #expect(try await NewsletterTests.newsletters(site).count == 1)
            #expect(try await site.services.newsletters.store.recent().first?.status == "cancelled")
            await #expect(throws: ValidationErrors.self) {
                try await site.services.site.update(["site.digest": "hourly"])
            }
        }
    }
}
