import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Site settings")
struct SettingsTests {
    /// Every field of the settings form as the page shows it, with some changed.
    static func form(_ page: Fetched, csrf: String, changing changes: [String: String]) -> [(String, String)] {
        var values = [String: String]()
        for name in SiteIdentity.names.map(\.name) + CommentSettings.names.map(\.name) {
            let id = name.replacingOccurrences(of: ".", with: "-")
            if let match = page.body.firstMatch(
                of: try! Regex(#"id="\#(id)" name="[^"]+" type="text"[^>]* value="([^"]*)""#))
            {
                values[name] = match.output[1].substring.map(String.init)
            } else if let match = page.body.firstMatch(of: try! Regex(#"id="\#(id)"[^>]*>([^<]*)</textarea>"#)) {
                values[name] = match.output[1].substring.map(String.init)
            } else if let select = page.body.firstMatch(of: try! Regex(#"id="\#(id)"[^>]*>(.*?)</select>"#)),
                let chosen = String(select.output[1].substring ?? "").firstMatch(of: /value="([^"]*)" selected/)
            {
                values[name] = String(chosen.output.1)
            }
        }
        values.merge(changes) { _, new in new }
        return values.map { ($0.key, $0.value) } + [("csrf_token", csrf)]
    }

    @Test(
        "an admin renames the site, changes its language, page size and comment policy; readers see it at once",
        arguments: TestEngine.available)
    func change(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var admin = Staff(site: site)
            _ = try await admin.signIn("admin@example.com", NewsroomFixtures.password)
            let page = try await admin.open("/admin/settings")
            #expect(page.status == .ok && page.contains(#"value="The Test Times""#))
            #expect(page.contains(#"<option value="approve-known" selected>"#))
            let saved = try await admin.post(
                "/admin/settings",
                pairs: Self.form(
                    page, csrf: try await admin.csrf(),
                    changing: [
                        "site.title": "Le Petit Journal", "site.tagline": "Nouvelles du port", "site.language": "fr",
                        "site.per_page": "1", "site.time_zone": "Europe/Paris", "comments.policy": "hold-all",
                        "comments.moderation_words": "casino\nlottery",
                    ]))
            #expect(
                saved.status == .seeOther,
                "\(saved.body.components(separatedBy: "field-error").dropFirst().map { $0.prefix(150) })")
            #expect(try await admin.open(saved.location ?? "").contains("Settings saved."))
            let home = try await site.get("/")
            #expect(home.contains(#"<html lang="fr">"#))
            #expect(home.contains("Le Petit Journal") && home.contains("Nouvelles du port"))
            #expect(home.count(#"<article class="card">"#) == 1, "one article per page")
            #expect(try await site.get("/page/2/").status == .ok)
            #expect(try await admin.open("/admin/").contains("Le Petit Journal"))
            #expect(site.services.site.live.current.timeZone.identifier == "Europe/Paris")

            var reader = Reader(site: site)
            let posted = try await reader.comment(on: CommentFixtures.article, "Nice work.")
            let id = try #require(posted.commentID)
            #expect(try await site.services.comments.find(id: id)?.status == .pending, "everything is held now")
            #expect(try await site.services.comments.currentSettings().moderationWords == ["casino", "lottery"])

            // Stored settings outlive a restart and win over the configuration's values.
            let reopened = try await AppServices.open(
                site.services.configuration, clock: .fixed(TestSite.now), logger: TestDatabase.logger,
                migrate: true, bcryptCost: 4)
            #expect(reopened.site.live.current.title == "Le Petit Journal")
            #expect(reopened.site.live.current.articlesPerPage == 1)
            await reopened.close()
        }
    }

    @Test("bad values are explained by their fields and nothing is stored", arguments: [TestEngine.sqlite])
    func refusals(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var admin = Staff(site: site)
            _ = try await admin.signIn("admin@example.com", NewsroomFixtures.password)
            let page = try await admin.open("/admin/settings")
            let refused = try await admin.post(
                "/admin/settings",
                pairs: Self.form(
                    page, csrf: try await admin.csrf(),
                    changing: [
                        "site.title": "A new name", "site.per_page": "0", "site.time_zone": "Mars/Olympus",
                        "site.language": "english!", "comments.thread_depth": "99",
                    ]))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.contains("Articles per page must be a whole number from 1 to 100."))
            #expect(refused.contains("is not a known time zone"))
            #expect(refused.contains("Write the language as a code"))
            #expect(refused.contains("comments.thread_depth must be a whole number from 1 to 10."))
            #expect(refused.contains(#"value="A new name""#), "what was typed is kept")
            #expect(site.services.site.live.current.title == "The Test Times")
            #expect(try await site.services.settings.value("site.title") == nil)
            #expect(try await site.get("/").contains("The Test Times"))
        }
    }

    @Test("only admins reach the settings", arguments: [TestEngine.sqlite])
    func access(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            #expect(try await site.get("/admin/settings").status == .seeOther)
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            #expect(try await editor.open("/admin/settings").status == .forbidden)
            let post = try await editor.post(
                "/admin/settings", pairs: [("csrf_token", try await editor.csrf()), ("site.title", "Hijacked")])
            #expect(post.status == .forbidden)
            var admin = Staff(site: site)
            _ = try await admin.signIn("admin@example.com", NewsroomFixtures.password)
            let forged = try await admin.post(
                "/admin/settings", pairs: [("csrf_token", "x"), ("site.title", "Hijacked")])
            #expect(forged.status == .forbidden)
            #expect(site.services.site.live.current.title == "The Test Times")
        }
    }
}
