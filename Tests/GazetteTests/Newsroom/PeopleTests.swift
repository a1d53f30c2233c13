import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("People and profiles")
struct PeopleTests {
    static func profile(_ values: [String: String], csrf: String) -> [(String, String)] {
        var form = ["name": "", "slug": "", "email": "", "bio": "", "avatar_url": "", "csrf_token": csrf]
        form.merge(values) { _, new in new }
        return form.map { ($0.key, $0.value) }
    }

    static func link(in page: Fetched) -> String? {
        guard
            let match = page.body.firstMatch(
                of: /id="new-link" type="text" value="https:\/\/news\.example\.com([^"]+)"/)
        else { return nil }
        return String(match.output.1)
    }

    @Test(
        "an admin invites a writer, who chooses a password with the one-time link and is signed in",
        arguments: TestEngine.available)
    func invite(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var admin = Staff(site: site)
            _ = try await admin.signIn("admin@example.com", NewsroomFixtures.password)
            let csrf = try await admin.csrf()
            #expect(try await admin.open("/admin/users/new").contains("Add a person"))
            let taken = try await admin.post(
                "/admin/users/new",
                pairs: [("csrf_token", csrf), ("name", "Dup"), ("email", "editor@example.com"), ("role", "author")])
            #expect(taken.status == .unprocessableContent && taken.contains("already exists"))
            #expect(taken.contains(#"value="Dup""#))
            let added = try await admin.post(
                "/admin/users/new",
                pairs: [
                    ("csrf_token", csrf), ("name", "Nadia Reporter"), ("email", "Nadia@Example.com"),
                    ("role", "author"),
                    ("bio", "Covers the harbour."),
                ])
            #expect(added.status == .created)
            let link = try #require(Self.link(in: added))
            #expect(link.hasPrefix("/admin/invite/"))
            #expect(added.contains("An invitation is on its way to nadia@example.com"))
            // The same link goes by email, queued with the link itself.
            try await site.services.mailSender(logger: TestDatabase.logger).sendDue()
            let invitation = try #require(try Mailbox.messages(site).last)
            #expect(invitation.contains("To: \"Nadia Reporter\" <nadia@example.com>"))
            #expect(invitation.contains("Subject: Your invitation to the newsroom of The Test Times"))
            #expect(invitation.contains("https://news.example.com" + link))
            #expect(try await admin.open("/admin/users").contains("Invited, no password yet"))

            var nadia = Staff(site: site)
            #expect(try await nadia.open(link).contains("Welcome to the newsroom"))
            let short = try await nadia.post(link, pairs: [("password", "short")])
            #expect(short.status == .unprocessableContent)
            let accepted = try await nadia.post(link, pairs: [("password", "a long harbour password")])
            #expect(accepted.status == .seeOther)
            #expect(try await nadia.open("/admin/").contains("Nadia Reporter"))
            #expect(try await site.get(link).status == .gone, "the link works once")
            #expect(try await admin.open("/admin/users").count("Active") >= 5)
            var again = Staff(site: site)
            #expect(try await again.signIn("nadia@example.com", "a long harbour password").status == .seeOther)
        }
    }

    @Test(
        "a role change takes effect at once; a deactivated person is signed out and their articles stay",
        arguments: TestEngine.available)
    func roleAndDeactivation(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var admin = Staff(site: site)
            _ = try await admin.signIn("admin@example.com", NewsroomFixtures.password)
            var author = Staff(site: site)
            _ = try await author.signIn("author@example.com", NewsroomFixtures.password)
            #expect(try await author.open("/admin/comments").status == .forbidden)
            let member = try #require(try await site.services.authors.find(email: "author@example.com"))
            let path = "/admin/users/\(member.id)"
            let page = try await admin.open(path)
            #expect(page.contains("Make a password reset link"))
            var fields = Self.profile(
                ["name": member.name, "slug": member.slug.value, "email": member.email], csrf: try await admin.csrf())
            let promoted = try await admin.post(path, pairs: fields + [("role", "editor"), ("active", "1")])
            #expect(promoted.status == .seeOther)
            #expect(try await author.open("/admin/comments").status == .ok)

            let article = try await site.services.publishing.save(
                ArticleDraft(
                    title: "Harbour diary", bodyMarkdown: "Text.", status: .published,
                    publishedAt: TestSite.now.addingTimeInterval(-60), authorID: member.id))
            fields = Self.profile(
                ["name": member.name, "slug": member.slug.value, "email": member.email], csrf: try await admin.csrf())
            let deactivated = try await admin.post(path, pairs: fields + [("role", "editor"), ("active", "0")])
            #expect(deactivated.status == .seeOther)
            #expect(try await author.open("/admin/").status == .seeOther, "their session ended")
            var retry = Staff(site: site)
            #expect(try await retry.signIn("author@example.com", NewsroomFixtures.password).status == .unauthorized)
            #expect(try await admin.open("/admin/users").contains("Deactivated"))
            let articlePath =
                "/" + article.day.isoDate.replacingOccurrences(of: "-", with: "/") + "/\(article.slug.value)/"
            #expect(try await site.get(articlePath).contains("Harbour diary"))

            let reset = try await admin.post(path + "/link", pairs: [("csrf_token", try await admin.csrf())])
            #expect(Self.link(in: reset)?.hasPrefix("/admin/reset/") == true)
        }
    }

    @Test("the only admin cannot demote or deactivate themselves", arguments: [TestEngine.sqlite])
    func lastAdmin(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var admin = Staff(site: site)
            _ = try await admin.signIn("admin@example.com", NewsroomFixtures.password)
            let me = try #require(try await site.services.authors.find(email: "admin@example.com"))
            let fields = Self.profile(
                ["name": me.name, "slug": me.slug.value, "email": me.email], csrf: try await admin.csrf())
            let demoted = try await admin.post(
                "/admin/users/\(me.id)", pairs: fields + [("role", "editor"), ("active", "1")])
            #expect(demoted.status == .unprocessableContent && demoted.contains("only admin"))
            let gone = try await admin.post(
                "/admin/users/\(me.id)", pairs: fields + [("role", "admin"), ("active", "0")])
            #expect(gone.status == .unprocessableContent && gone.contains("only admin"))
            #expect(try await site.services.authors.find(id: me.id)?.role == .admin)
            #expect(try await admin.open("/admin/").status == .ok)
        }
    }

    @Test("only admins manage people; everyone edits their own profile", arguments: [TestEngine.sqlite])
    func profiles(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            for path in ["/admin/users", "/admin/users/new", "/admin/users/1"] {
                #expect(try await editor.open(path).status == .forbidden, "\(path)")
            }
            let csrf = try await editor.csrf()
            #expect(
                try await editor.post(
                    "/admin/users/new", pairs: [("csrf_token", csrf), ("name", "X"), ("email", "x@example.com")]
                )
                .status == .forbidden)
            let bad = try await editor.post(
                "/admin/profile",
                pairs: Self.profile(
                    ["name": "Eda Editor", "email": "admin@example.com", "avatar_url": "javascript:alert(1)"],
                    csrf: csrf))
            #expect(bad.status == .unprocessableContent)
            #expect(bad.contains("address should start with https://"))
            #expect(bad.contains(#"value="Eda Editor""#))
            let taken = try await editor.post(
                "/admin/profile", pairs: Self.profile(["name": "Eda Editor", "email": "admin@example.com"], csrf: csrf))
            #expect(taken.contains("already uses the email"))
            let saved = try await editor.post(
                "/admin/profile",
                pairs: Self.profile(
                    [
                        "name": "Eda Editor", "slug": "eda", "email": "eda@example.com", "bio": "Runs the desk.",
                        "avatar_url": "https://images.example/eda.jpg",
                    ], csrf: csrf))
            #expect(saved.status == .seeOther)
            #expect(try await editor.open(saved.location ?? "").contains("Saved."))
            let page = try await site.get("/author/eda/")
            #expect(page.status == .ok && page.contains("Runs the desk."))
            #expect(page.contains(#"src="https://images.example/eda.jpg" alt="Portrait of Eda Editor""#))
            #expect(!page.contains("eda@example.com"))
            var again = Staff(site: site)
            #expect(try await again.signIn("eda@example.com", NewsroomFixtures.password).status == .seeOther)
        }
    }

    @Test(
        "portraits are uploaded from the profile, by any role, shown on the author page, and can be removed",
        arguments: TestEngine.available)
    func portraits(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var writer = Staff(site: site)
            _ = try await writer.signIn("contributor@example.com", NewsroomFixtures.password)
            let me = try #require(try await site.services.authors.find(email: "contributor@example.com"))
            let form = try await writer.open("/admin/profile")
            #expect(form.contains(#"enctype="multipart/form-data""#) && form.contains(#"type="file""#))
            #expect(!form.contains(#"name="avatar_url" type="text""#), "no address to paste")
            func send(_ fields: [(String, String)], file: (String, [UInt8])?) async throws -> Fetched {
                var body = MultipartBody()
                body.field("csrf_token", try await writer.csrf())
                for (name, value) in [
                    ("name", me.name), ("slug", me.slug.value), ("email", me.email), ("bio", "Writes letters."),
                ] + fields {
                    body.field(name, value)
                }
                if let file { body.file("portrait_file", fileName: file.0, type: "image/png", file.1) }
                return try await writer.send("/admin/profile", body)
            }
            let refused = try await send([("avatar_url", "")], file: ("me.png", Array("<svg onload=1>".utf8)))
            #expect(refused.status == .unprocessableContent && refused.contains(#"id="portrait_file-error""#))
            let saved = try await send([("avatar_url", "")], file: ("me.png", MediaTests.png))
            #expect(saved.status == .seeOther, "\(saved.body.prefix(300))")
            let portrait = try #require(try await site.services.authors.find(email: me.email)?.avatarURL)
            #expect(portrait.hasPrefix("/media/") && portrait.hasSuffix(".png"))
            let item = try #require(try await site.services.media.page(PageRequest(number: 1, size: 5)!).items.first)
            #expect(item.alt == "Portrait of \(me.name)")
            let page = try await site.get("/author/\(me.slug.value)/")
            #expect(page.contains(#"src="\#(portrait)" alt="Portrait of \#(me.name)""#))
            // Saving again without a file keeps it; "Remove it" takes it off.
            #expect(try await send([("avatar_url", portrait)], file: nil).status == .seeOther)
            #expect(try await site.services.authors.find(email: me.email)?.avatarURL == portrait)
            #expect(
                try await send([("avatar_url", portrait), ("remove_portrait", "1")], file: nil).status == .seeOther)
            #expect(try await site.services.authors.find(email: me.email)?.avatarURL == "")
        }
    }

    @Test(
        "a person changes their password: the current one is checked, other sessions end, this one goes on",
        arguments: [TestEngine.sqlite])
    func changePassword(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var here = Staff(site: site)
            _ = try await here.signIn("author@example.com", NewsroomFixtures.password)
            var elsewhere = Staff(site: site)
            _ = try await elsewhere.signIn("author@example.com", NewsroomFixtures.password)
            #expect(try await here.open("/admin/profile").contains("/admin/profile/password"))
            let wrong = try await here.post(
                "/admin/profile/password",
                pairs: [
                    ("csrf_token", try await here.csrf()), ("current_password", "not it at all"),
                    ("new_password", "a brand new passphrase"),
                ])
            #expect(wrong.status == .unprocessableContent && wrong.contains("That is not your current password."))
            let short = try await here.post(
                "/admin/profile/password",
                pairs: [
                    ("csrf_token", try await here.csrf()), ("current_password", NewsroomFixtures.password),
                    ("new_password", "short"),
                ])
            #expect(short.status == .unprocessableContent)
            let changed = try await here.post(
                "/admin/profile/password",
                pairs: [
                    ("csrf_token", try await here.csrf()), ("current_password", NewsroomFixtures.password),
                    ("new_password", "a brand new passphrase"),
                ])
            #expect(changed.status == .seeOther)
            #expect(try await here.open(changed.location ?? "").contains("Your password was changed."))
            #expect(try await elsewhere.open("/admin/").status == .seeOther, "the other session ended")
            var again = Staff(site: site)
            #expect(try await again.signIn("author@example.com", NewsroomFixtures.password).status == .unauthorized)
            #expect(try await again.signIn("author@example.com", "a brand new passphrase").status == .seeOther)
        }
    }
}
