import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import HTTPTypes
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Audit log")
struct AuditLogTests {
    @Test(
        "sign-ins and failures, trash and restore, role and settings changes are logged with who, what and the address; admins filter them",
        arguments: TestEngine.available)
    func trail(engine: TestEngine) async throws {
        try await TestSite.run(engine, configure: { $0.trustedProxies = ["127.0.0.1/32"] }, seed: NewsroomFixtures.seed)
        { site in
            var stranger = Staff(site: site, forwardedFor: "198.51.100.7")
            #expect(try await stranger.signIn("editor@example.com", "not the password").status == .unauthorized)
            var editor = Staff(site: site, forwardedFor: "203.0.113.20")
            #expect(try await editor.signIn("editor@example.com", NewsroomFixtures.password).status == .seeOther)

            let id = try #require(
                try await site.services.articles.id(forSlug: Slug(trusted: "markets-rally-on-rate-news")))
            let path = "/admin/articles/\(id)"
            let csrf = try await editor.csrf()
            let revision = Reader.field("revision", in: try await editor.open(path).body)
            let trashed = try await editor.post(
                path + "/status", pairs: [("csrf_token", csrf), ("status", "trashed"), ("revision", revision)])
            #expect(trashed.status == .seeOther)

            var admin = Staff(site: site, forwardedFor: "192.0.2.44")
            _ = try await admin.signIn("admin@example.com", NewsroomFixtures.password)
            let member = try #require(try await site.services.authors.find(email: "author@example.com"))
            let promoted = try await admin.post(
                "/admin/users/\(member.id)",
                pairs: [
                    ("csrf_token", try await admin.csrf()), ("name", member.name), ("slug", member.slug.value),
                    ("email", member.email), ("bio", ""), ("avatar_url", ""), ("role", "editor"), ("active", "1"),
                ])
            #expect(promoted.status == .seeOther)

            // The filter lists every action; the table shows what happened.
            // Editors may not read the log.
            #expect(try await editor.open("/admin/audit").status == .forbidden)

            let log = try await admin.open("/admin/audit")
            #expect(log.status == .ok)
            #expect(log.contains("<td>Sign-in failed") && log.contains("198.51.100.7"))
            #expect(log.contains("<td>Article moved to the trash") && log.contains("Markets rally on rate news"))
            #expect(log.contains("<td>Role changed") && log.contains("author → editor"))
            #expect(log.contains("203.0.113.20") && log.contains("192.0.2.44"))
            #expect(!log.contains(NewsroomFixtures.password) && !log.contains("not the password"))

            let failures = try await admin.open("/admin/audit?action=sign-in-failed")
            #expect(failures.contains("198.51.100.7") && failures.contains("editor@example.com"))
            #expect(!failures.contains("<td>Role changed") && failures.contains("1 line"))
            let fromEditor = try await admin.open("/admin/audit?address=203.0.113.20")
            #expect(fromEditor.contains("<td>Article moved to the trash") && !fromEditor.contains("<td>Role changed"))
            let byPerson = try await admin.open("/admin/audit?person=Author+User")
            #expect(byPerson.contains("<td>Role changed") && !byPerson.contains("<td>Sign-in failed"))
            // The site's clock stands at 28 November 2026.
            #expect(try await admin.open("/admin/audit?from=2026-11-28&to=2026-11-28").contains("<td>Role changed"))
            #expect(try await admin.open("/admin/audit?from=2026-11-29").contains("Nothing in the log matches"))
            let badDate = try await admin.open("/admin/audit?from=28/11/2026")
            #expect(badDate.status == .ok && badDate.contains("year-month-day"))
            // Markup typed into a sign-in is shown as text.
            var prober = Staff(site: site, forwardedFor: "198.51.100.8")
            _ = try await prober.signIn("<script>alert(1)</script>@example.com", "x")
            let escaped = try await admin.open("/admin/audit?action=sign-in-failed")
            #expect(!escaped.contains("<script>alert(1)") && escaped.contains("&lt;script&gt;"))
        }
    }

    @Test("settings changes name what changed, and the log lives in the database for every instance")
    func settingsAndStore() async throws {
        try await TestSite.run(.sqlite, seed: NewsroomFixtures.seed) { site in
            var admin = Staff(site: site)
            _ = try await admin.signIn("admin@example.com", NewsroomFixtures.password)
            let page = try await admin.open("/admin/settings")
            let saved = try await admin.post(
                "/admin/settings",
                pairs: SettingsTests.form(
                    page, csrf: try await admin.csrf(), changing: ["site.title": "The Harbour Gazette"]))
            #expect(saved.status == .seeOther)
            let lines = try await site.services.audit.page(
                AuditFilter(action: .settingsChanged), PageRequest(number: 1, size: 10)!)
            #expect(lines.items.count == 1)
            #expect(lines.items.first?.detail == "site.title")
            #expect(lines.items.first?.actorName == "Admin User" && lines.items.first?.address == "127.0.0.1")
        }
    }
}

@Suite("Audit log retention")
struct AuditRetentionTests {
    @Test("lines older than the retention period are pruned; newer ones stay")
    func prune() async throws {
        let clock = ManualClock(TestSite.now)
        try await TestSite.run(.sqlite, clock: clock.clock) { site in
            await site.services.audit.record(.signInFailed, typedEmail: "old@example.com")
            clock.advance(seconds: AuditLog.retention - 86_400)
            await site.services.audit.record(.signInFailed, typedEmail: "recent@example.com")
            clock.advance(seconds: 2 * 86_400)
            #expect(try await site.services.audit.prune() == 1)
            let left = try await site.services.audit.page(AuditFilter(), PageRequest(number: 1, size: 10)!)
            #expect(left.items.map(\.actorName) == ["recent@example.com"])
            #expect(left.items.first?.address == RequestOrigin.commandLine)
        }
    }
}
