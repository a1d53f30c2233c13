import Foundation
import Gazette
import GazetteContent
import GazetteStorage
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Webhooks: the newsroom screen and delivery")
struct WebhookTests {
    /// An admin signed in, with webhooks to 127.0.0.1 allowed (the receiver runs there).
    static func admin(_ site: TestSite) async throws -> Staff {
        try await site.services.site.update(["site.webhooks_private": "on"])
        var admin = Staff(site: site)
        _ = try await admin.signIn("admin@example.com", NewsroomFixtures.password)
        return admin
    }

    static func publish(_ site: TestSite, _ title: String) async throws -> Int64 {
        let author = try #require(try await site.services.authors.find(email: "author@example.com"))
        return try await site.services.publishing.save(
            ArticleDraft(
                title: title, bodyMarkdown: "Text.", status: .published,
                publishedAt: site.services.clock.now().addingTimeInterval(-60), authorID: author.id)
        ).id
    }

    @Test(
        "an endpoint registered in the newsroom gets signed events without email or IP; send again repeats one",
        arguments: TestEngine.available)
    func newsroomToReceiver(engine: TestEngine) async throws {
        let receiver = try WebhookReceiver()
        defer { receiver.stop() }
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var admin = try await Self.admin(site)
            let created = try await admin.post(
                AdminURL.webhooks.path,
                pairs: [
                    ("csrf_token", try await admin.csrf()), ("url", receiver.url), ("events", "article.published"),
                    ("events", "comment.posted"), ("active", "1"), ("description", "The app's receiver"),
                ])
            #expect(created.status == .seeOther, "\(created.body)")
            let endpoint = try #require(try await site.services.webhooks.endpoints().first)
            #expect(created.location == AdminURL.webhook(endpoint.id).path + "?created=1")
            #expect(endpoint.events == [.articlePublished, .commentPosted] && endpoint.isActive)
            let screen = try await admin.open(AdminURL.webhook(endpoint.id).path)
            #expect(screen.contains(endpoint.secret), "the endpoint's own screen shows its secret")
            #expect(screen.count("name=\"csrf_token\"") == 4, "roll, send-again-less log, settings and remove forms")
            #expect(!(try await admin.open(AdminURL.webhooks.path)).contains(endpoint.secret), "the list does not")

            let articleID = try await Self.publish(site, "Harbour bridge reopens")
            var reader = Reader(site: site)
            reader.email = "ann.private@example.org"
            _ = try await reader.comment(on: CommentFixtures.article, "Good news for the harbour.")
            let sender = site.services.webhookSender(logger: TestDatabase.logger)
            #expect(try await sender.sendDue() == 2)

            let received = receiver.received()
            try #require(received.count == 2)
            let article = try #require(received.first { $0.header("Gazette-Event") == "article.published" })
            #expect(article.header("Content-Type") == "application/json")
            #expect(article.header("User-Agent") == "Gazette-Webhooks/1")
            #expect(article.signatureVerifies(secret: endpoint.secret))
            #expect(!article.signatureVerifies(secret: endpoint.secret + "x"))
            let json = article.json
            #expect(json["event"] as? String == "article.published")
            #expect(json["id"] as? String == article.header("Gazette-Delivery"))
            let data = try #require(json["data"] as? [String: Any])
            #expect(data["id"] as? Int == Int(articleID))
            #expect(data["title"] as? String == "Harbour bridge reopens")
            #expect(data["url"] as? String == "https://news.example.com/2026/11/28/harbour-bridge-reopens/")
            #expect(data["status"] as? String == "published")
            #expect((data["author"] as? [String: Any])?["name"] as? String == "Author User")

            let comment = try #require(received.first { $0.header("Gazette-Event") == "comment.posted" })
            #expect(comment.signatureVerifies(secret: endpoint.secret))
            let commentData = try #require(comment.json["data"] as? [String: Any])
            #expect(Set(commentData.keys) == ["id", "article_id", "parent_id", "status", "author_name", "date"])
            #expect(commentData["author_name"] as? String == "Ann Reader")
            for request in received {
                #expect(!request.body.contains("ann.private@example.org") && !request.body.contains("127.0.0.1"))
                #expect(!request.body.contains("private@example.com"), "no staff address either")
            }

            let log = try await admin.open(AdminURL.webhook(endpoint.id).path)
            #expect(log.contains("article.published") && log.contains("comment.posted"))
            #expect(log.contains("delivered") && log.contains(">200<"))
            let first = try #require(
                try await site.services.webhooks.deliveries(endpointID: endpoint.id).first {
                    $0.event == "article.published"
                })
            let again = try await admin.post(
                AdminURL.resendWebhook(endpoint.id, delivery: first.id).path,
                pairs: [("csrf_token", try await admin.csrf())])
            #expect(again.status == .seeOther)
            #expect(try await sender.sendDue() == 1)
            let resent = try #require(receiver.received().last)
            #expect(resent.body == article.body, "the same payload")
            #expect(resent.header("Gazette-Delivery") == article.header("Gazette-Delivery"), "the same id")
            #expect(resent.signatureVerifies(secret: endpoint.secret))
            let forged = try await admin.post(
                AdminURL.resendWebhook(endpoint.id, delivery: first.id).path, pairs: [("csrf_token", "forged")])
            #expect(forged.status == .forbidden)
        }
    }

    @Test("a rolled secret signs from the next delivery on; a paused endpoint gets nothing")
    func rollAndPause() async throws {
        let receiver = try WebhookReceiver()
        defer { receiver.stop() }
        try await TestSite.run(.sqlite, seed: NewsroomFixtures.seed) { site in
            var admin = try await Self.admin(site)
            let id = try await site.services.webhooks.register(
                WebhookEndpointForm(url: receiver.url, events: [.articlePublished, .articleUpdated]))
            let old = try #require(try await site.services.webhooks.endpoint(id: id)).secret
            let rolled = try await admin.post(
                AdminURL.webhookSecret(id).path, pairs: [("csrf_token", try await admin.csrf())])
            #expect(rolled.status == .seeOther)
            let secret = try #require(try await site.services.webhooks.endpoint(id: id)).secret
            #expect(secret != old && secret.hasPrefix("whsec_"))
            _ = try await Self.publish(site, "First story")
            #expect(try await site.services.webhookSender(logger: TestDatabase.logger).sendDue() == 1)
            #expect(receiver.received().first?.signatureVerifies(secret: secret) == true)

            let paused = try await admin.post(
                AdminURL.webhook(id).path,
                pairs: [("csrf_token", try await admin.csrf()), ("url", receiver.url), ("events", "article.published")])
            #expect(paused.status == .seeOther)
            _ = try await Self.publish(site, "Second story")
            #expect(try await site.services.webhooks.deliveries(endpointID: id).count == 1, "nothing queued")
        }
    }
}
