import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import HTTPTypes
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Admin API: articles")
struct AdminAPIArticleTests {
    @Test(
        "write, publish, schedule, unpublish and trash, with revisions and audit lines as the editor leaves",
        arguments: TestEngine.available)
    func lifecycle(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let (client, editor) = try await AdminAPIFixtures.client(site, role: .editor)
            let created = try await client.post(
                "/api/v1/admin/articles",
                [
                    "title": "Harbour vote tonight", "body_markdown": "The council *meets* at seven.",
                    "dek": "A close call.", "tags": ["Harbour", "Council"], "category": "Local",
                ])
            #expect(created.status == .created, "\(created.body)")
            let article = try APIJSON.object(created)
            let id = try #require(article["id"] as? Int)
            #expect(article["status"] as? String == "draft")
            #expect(article["revision"] as? Int == 1)
            #expect((article["body_html"] as? String)?.contains("<em>meets</em>") == true)
            #expect(article["tags"] as? [String] == ["Harbour", "Council"])
            #expect(try await site.get("/api/v1/articles/\(id)").status == .notFound, "a draft is not public")

            let published = try await client.post("/api/v1/admin/articles/\(id)/publish", ["revision": 1])
            #expect(published.status == .ok, "\(published.body)")
            #expect(try APIJSON.object(published)["status"] as? String == "published")
            #expect(try APIJSON.object(published)["url"] as? String != nil)
            let public1 = try await site.get("/api/v1/articles/\(id)")
            #expect(public1.status == .ok)

            let stale = try await client.call(
                .patch, "/api/v1/admin/articles/\(id)", json: ["revision": 1, "title": "Old"])
            #expect(stale.status == .conflict)
            let conflict = try APIJSON.object(stale)
            #expect(conflict["code"] as? String == "edit_conflict" && conflict["current_revision"] as? Int == 2)

            let updated = try await client.call(
                .patch, "/api/v1/admin/articles/\(id)", json: ["revision": 2, "title": "Harbour vote: yes"])
            #expect(updated.status == .ok)
            #expect(try APIJSON.object(updated)["title"] as? String == "Harbour vote: yes")
            #expect(try APIJSON.object(updated)["dek"] as? String == "A close call.", "fields left out are kept")

            let later = "2026-12-24T09:00:00Z"
            let scheduled = try await client.post(
                "/api/v1/admin/articles/\(id)/schedule", ["revision": 3, "published_at": later])
            #expect(try APIJSON.object(scheduled)["status"] as? String == "scheduled")
            #expect(try APIJSON.object(scheduled)["published_at"] as? String == later)
            let unpublished = try await client.post("/api/v1/admin/articles/\(id)/unpublish", ["revision": 4])
            #expect(try APIJSON.object(unpublished)["status"] as? String == "draft")
            let trashed = try await client.post("/api/v1/admin/articles/\(id)/trash", ["revision": 5])
            #expect(try APIJSON.object(trashed)["status"] as? String == "trashed")

            let revisions = try await site.services.revisions.list(articleID: Int64(id))
            #expect(revisions.count == 6)
            #expect(revisions.allSatisfy { $0.savedBy == editor.name }, "\(revisions.map(\.savedBy))")
            let audit = try await site.services.audit.page(AuditFilter(), PageRequest(number: 1, size: 50)!).items
            let actions = audit.filter { $0.target.contains("Harbour") }.map(\.action)
            for action in [AuditAction.articlePublished, .articleScheduled, .articleUnpublished, .articleTrashed] {
                #expect(actions.contains(action), "\(action)")
            }
            let listed = try APIJSON.items(try await client.get("/api/v1/admin/articles?status=trashed"))
            #expect(listed.map { $0["id"] as? Int } == [id])
        }
    }

    @Test(
        "a contributor's token writes drafts and submits them, and cannot publish or touch others' work",
        arguments: TestEngine.available)
    func contributor(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let (client, _) = try await AdminAPIFixtures.client(site, role: .contributor)
            let direct = try await client.post(
                "/api/v1/admin/articles", ["title": "Straight out", "body_markdown": "x", "status": "published"])
            #expect(direct.status == .forbidden)
            let draft = try await client.post(
                "/api/v1/admin/articles", ["title": "For review", "body_markdown": "x", "status": "pending"])
            #expect(draft.status == .created)
            let id = try #require(try APIJSON.object(draft)["id"] as? Int)
            #expect(try await client.post("/api/v1/admin/articles/\(id)/publish", ["revision": 1]).status == .forbidden)
            let theirs = try #require(try await site.services.articles.id(forSlug: Slug(trusted: "secret-draft")))
            #expect(try await client.get("/api/v1/admin/articles/\(theirs)").status == .forbidden)
            let mine = try APIJSON.items(try await client.get("/api/v1/admin/articles"))
            #expect(mine.map { $0["title"] as? String } == ["For review"])
        }
    }

    @Test(
        "bad bodies: unreadable JSON or a missing field is a 400, an invalid article a 422 naming each field",
        arguments: TestEngine.available)
    func invalid(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: SampleContent.seed) { site in
            let (client, _) = try await AdminAPIFixtures.client(site, role: .editor)
            let missing = try await client.post("/api/v1/admin/articles", ["body_markdown": "No title"])
            #expect(missing.status == .badRequest)
            #expect(try APIJSON.object(missing)["field"] as? String == "title")
            let garbage = try await client.call(
                .post, "/api/v1/admin/articles", bytes: Array("{not json".utf8),
                headers: [.contentType: "application/json"])
            #expect(garbage.status.code == 400 || garbage.status.code == 415, "\(garbage.status)")
            let created = try APIJSON.object(
                try await client.post("/api/v1/admin/articles", ["title": "Kept", "body_markdown": "x"]))
            let id = try #require(created["id"] as? Int)
            let null = try await client.call(
                .patch, "/api/v1/admin/articles/\(id)", json: ["revision": 1, "title": NSNull()])
            #expect(null.status == .badRequest)
            #expect(try APIJSON.object(null)["field"] as? String == "title")
            let empty = try await client.post(
                "/api/v1/admin/articles", ["title": " ", "body_markdown": "x", "status": "scheduled"])
            #expect(empty.status == .unprocessableContent)
            let problem = try APIJSON.object(empty)
            let fields = (problem["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
            #expect(fields.contains("title") && fields.contains("published_at"), "\(fields)")
        }
    }
}
