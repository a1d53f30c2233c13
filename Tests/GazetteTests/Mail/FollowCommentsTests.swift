import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import HTTPTypes
import NIOCore
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Mail: following a discussion")
struct FollowCommentsTests {
    typealias Fixtures = CommentFixtures

    /// Sends what is queued; the messages to `address` so far.
    static func mail(_ site: TestSite, to address: String) async throws -> [String] {
        try await StaffNoticeTests.delivered(site).filter { $0.to == address }.map(\.message)
    }

    static func header(_ name: String, in message: String) -> String? {
        message.split(separator: "\r\n").first { $0.hasPrefix(name + ": ") }.map {
            String($0.dropFirst(name.count + 2))
        }
    }

    @Test(
        "double opt-in, news only of approved comments and never one's own, one-click unsubscribe, no address shown",
        arguments: TestEngine.available)
    func follow(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: Fixtures.seed()) { site in
            let page = try await site.get(Fixtures.article)
            #expect(page.contains(#"<input id="follow" name="follow" type="checkbox" value="yes">"#))
            #expect(page.contains("Notify me of follow-up comments by email."))
            let articleID = try #require(Int64(Reader.field("article_id", in: page.body)))

            var ann = Reader(site: site, name: "Ann Follower", email: "ann.follows@example.net")
            let first = try await ann.comment(
                on: Fixtures.article, "Will the library open on Sundays?", overrides: ["follow": "yes"])
            let annComment = try #require(first.commentID)
            var annMail = try await Self.mail(site, to: "ann.follows@example.net")
            #expect(annMail.count == 1)
            let confirmation = try #require(annMail.first)
            #expect(Self.header("Subject", in: confirmation) == "Confirm your subscription to The Test Times")
            #expect(confirmation.contains("• Comments on “Council approves the new library”"))
            let confirmLink = try #require(Mailbox.link("https://news.example.com/subscriptions/", in: confirmation))
            #expect(confirmLink.hasSuffix("/confirm"))
            let confirmPath = try #require(URL(string: confirmLink)?.path)
            let token = String(confirmPath.dropFirst("/subscriptions/".count).dropLast("/confirm".count))

            // Not confirmed yet: an approved comment sends Ann nothing.
            var bob = Reader(site: site, name: "Bob Neighbour", email: "bob.private@example.org")
            let bobFirst = try #require(try await bob.comment(on: Fixtures.article, "Saturdays at least.").commentID)
            try await site.services.comments.moderate(.approve, ids: [bobFirst])
            #expect(try await Self.mail(site, to: "ann.follows@example.net").count == 1)

            // Opening the link (as a mail scanner would) confirms nothing; the button does.
            let form = try await site.get(confirmPath)
            #expect(form.status == .ok && form.contains("Confirm your subscription"))
            #expect(form.headers[.cacheControl] == "private, no-store")
            #expect(form.headers[.referrerPolicy] == "no-referrer")
            #expect(form.headers[.xRobotsTag] == "noindex, nofollow")
            #expect(try await site.services.subscriptions.subscriber(token: token)?.following.isEmpty == true)
            let confirmed = try await site.post(confirmPath, form: [:])
            #expect(confirmed.status == .ok && confirmed.contains("You are subscribed"))

            // Bob's next comment goes straight up (approve-known): Ann hears, without Bob's address.
            _ = try await bob.comment(on: Fixtures.article, "And the reading room is lovely.")
            annMail = try await Self.mail(site, to: "ann.follows@example.net")
            #expect(annMail.count == 2)
            let news = try #require(annMail.last)
            #expect(Self.header("Subject", in: news) == "New comment on “Council approves the new library”")
            #expect(news.contains("Bob Neighbour commented on"))
            #expect(news.contains("And the reading room is lovely."))
            #expect(!news.contains("bob.private"), "another reader's address never appears")
            let unsubscribe = try #require(Self.header("List-Unsubscribe", in: news))
            #expect(unsubscribe.hasPrefix("<https://news.example.com/subscriptions/\(token)/unsubscribe?topic=thread:"))
            #expect(Self.header("List-Unsubscribe-Post", in: news) == "List-Unsubscribe=One-Click")

            // Ann's own comment, approved now: the others hear of it, Ann does not; nobody hears twice.
            #expect(
                try await site.services.subscriptions.request(
                    email: "bob.private@example.org", topics: [.thread(articleID: articleID)], consent: "test",
                    ip: "192.0.2.9")
                    == .confirmationSent)
            let bobConfirmation = try #require(try await Self.mail(site, to: "bob.private@example.org").last)
            let bobLink = try #require(Mailbox.link("https://news.example.com/subscriptions/", in: bobConfirmation))
            let bobPath = try #require(URL(string: bobLink)?.path)
            _ = try await site.post(bobPath, form: [:])
            try await site.services.comments.moderate(.approve, ids: [annComment])
            try await site.services.comments.moderate(.unapprove, ids: [annComment])
            try await site.services.comments.moderate(.approve, ids: [annComment])
            #expect(try await Self.mail(site, to: "ann.follows@example.net").count == 2)
            let bobMail = try await Self.mail(site, to: "bob.private@example.org")
            #expect(bobMail.filter { $0.contains("Will the library open on Sundays?") }.count == 1)
            #expect(!bobMail.contains { $0.contains("ann.follows") })

            // A held comment sends nobody anything.
            var carl = Reader(site: site, name: "Carl New", email: "carl@example.com")
            _ = try await carl.comment(on: Fixtures.article, "First time here.")
            #expect(try await Self.mail(site, to: "ann.follows@example.net").count == 2)

            // The unsubscribe link: GET asks, the mail program's one-click POST stops it.
            let stopURL = try #require(URL(string: String(unsubscribe.dropFirst().dropLast())))
            let stopPath = stopURL.path + "?" + (stopURL.query ?? "")
            #expect(try await site.get(stopPath).contains("Stop emails about Comments on"))
            #expect(try await site.services.subscriptions.subscriber(token: token)?.following.count == 1)
            let stopped = try await site.post(
                stopPath, body: ByteBuffer(string: "List-Unsubscribe=One-Click"),
                contentType: "application/x-www-form-urlencoded")
            #expect(stopped.status == .ok && stopped.contains("Unsubscribed"))
            _ = try await bob.comment(on: Fixtures.article, "One more thought.")
            #expect(try await Self.mail(site, to: "ann.follows@example.net").count == 2)
            let manage = try await site.get("/subscriptions/\(token)")
            #expect(manage.contains("ann.follows@example.net") && manage.contains("You follow nothing"))
        }
    }

    @Test(
        "forged, mangled and hostile subscription links change nothing and answer 404", arguments: TestEngine.available)
    func hostileLinks(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: Fixtures.seed()) { site in
            #expect(
                try await site.services.subscriptions.request(
                    email: "dana@example.com", topics: [.thread(articleID: 1)], consent: "test", ip: "192.0.2.1")
                    == .confirmationSent)
            let good = site.services.subscriptions.tokens.token(for: 1)
            let forged = site.services.subscriptions.tokens.token(for: 2).replacingOccurrences(of: "2.", with: "1.")
            var bad = [forged, "1", "1.", ".", "x" + good, String(good.dropLast()), "0.abc", "-1.abc"]
            bad += HostileInput.xss.prefix(8).map { $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! }
            for token in bad {
                for suffix in ["", "/confirm", "/unsubscribe", "/unsubscribe?topic=thread:1"] {
                    let get = try await site.get("/subscriptions/\(token)\(suffix)")
                    #expect(get.status == .notFound, "GET \(token)\(suffix)")
                    #expect(!get.body.contains("<script>alert"), "nothing typed comes back live")
                    if !suffix.isEmpty {
                        let post = try await site.post("/subscriptions/\(token)\(suffix)", form: [:])
                        #expect(post.status == .notFound, "POST \(token)\(suffix)")
                    }
                }
            }
            for topic in ["nonsense", "thread:abc", "tag:Not%20A%20Slug", "thread:-4", "%3Cscript%3E"] {
                let post = try await site.post("/subscriptions/\(good)/unsubscribe?topic=\(topic)", form: [:])
                #expect(post.status == .notFound, "\(topic)")
            }
            #expect(try await site.services.subscriptions.subscriber(token: good)?.waiting.count == 1)
            #expect(try await site.post("/subscriptions/\(good)/confirm", form: [:]).contains("You are subscribed"))

            // Addresses a mail could be hijacked with are refused before anything is stored or sent.
            for address in ["a@b.c\r\nBcc: victim@example.com", "no-at-sign", "<x@y.z>", "a b@example.com", ""] {
                #expect(
                    try await site.services.subscriptions.request(
                        email: address, topics: [.site], consent: "test", ip: "192.0.2.2") == .invalidAddress)
            }
            // One client cannot flood strangers' inboxes with confirmations.
            var outcomes: [SubscriptionService.Outcome] = []
            for number in 0..<12 {
                outcomes.append(
                    try await site.services.subscriptions.request(
                        email: "stranger\(number)@example.com", topics: [.site], consent: "test", ip: "192.0.2.3"))
            }
            #expect(outcomes.filter { $0 == .throttled }.count == 2)
        }
    }

    @Test("an address the mail server refuses for good gets nothing more")
    func hardBounce() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        try await TestSite.run(.sqlite, configure: { $0.smtp = server.settings() }, seed: Fixtures.seed()) { site in
            let outcome = try await site.services.subscriptions.request(
                email: "reject-gone@example.org", topics: [.thread(articleID: 1)], consent: "test", ip: "192.0.2.5")
            #expect(outcome == .confirmationSent)
            try await site.services.mailSender(logger: TestDatabase.logger).sendDue()
            let gone = try #require(try await site.services.subscriptions.subscriber(email: "reject-gone@example.org"))
            #expect(gone.status == .bounced)
            let token = site.services.subscriptions.tokens.token(for: gone.id)
            #expect(
                try await site.services.subscriptions.request(
                    email: "reject-gone@example.org", topics: [.site], consent: "test", ip: "192.0.2.5")
                    == .invalidAddress)
            #expect(try await site.get("/subscriptions/\(token)").contains("refused our last email"))
            // A passing refusal (451) is tried again later, not taken for a bounce.
            _ = try await site.services.subscriptions.request(
                email: "later-busy@example.org", topics: [.site], consent: "test", ip: "192.0.2.5")
            try await site.services.mailSender(logger: TestDatabase.logger).sendDue()
            #expect(
                try await site.services.subscriptions.subscriber(email: "later-busy@example.org")?.status == .active)
            #expect(server.received().isEmpty)
        }
    }
}
