import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import HTTPTypes
import Testing

/// A newsroom member's browser: the session cookie kept between requests.
struct Staff {
    let site: TestSite
    var cookie = ""

    var headers: HTTPFields {
        var fields = HTTPFields()
        if !cookie.isEmpty { fields[.cookie] = "gazette_session=\(cookie)" }
        return fields
    }

    func open(_ path: String) async throws -> Fetched {
        try await site.get(path, headers: headers)
    }

    mutating func post(_ path: String, _ form: [String: String]) async throws -> Fetched {
        let answer = try await site.post(path, form: form, headers: headers)
        if let value = answer.setCookies["gazette_session"] { cookie = value }
        return answer
    }

    mutating func post(_ path: String, pairs: [(String, String)]) async throws -> Fetched {
        let answer = try await site.post(path, pairs: pairs, headers: headers)
        if let value = answer.setCookies["gazette_session"] { cookie = value }
        return answer
    }

    mutating func signIn(_ email: String, _ password: String) async throws -> Fetched {
        try await post("/admin/login", ["email": email, "password": password, "next": "/admin/"])
    }

    /// The form token of the signed-in session, read from a page as a browser would.
    func csrf() async throws -> String {
        Reader.field("csrf_token", in: try await open("/admin/").body)
    }
}

enum NewsroomFixtures {
    static let password = "correct horse battery"

    /// Users of every role, each with the same password.
    static func seed(_ services: AppServices) async throws {
        try await CommentFixtures.seed()(services)
        for role in Role.allCases {
            let user = try await services.authors.create(
                NewAuthor(name: "\(role.rawValue.capitalized) User", email: "\(role.rawValue)@example.com", role: role)
                    .validated(), now: TestSite.now)
            let link = try #require(try await services.accounts.resetLink(email: user.email))
            let token = String(link.split(separator: "/").last!)
            guard case .changed = try await services.accounts.resetPassword(token: token, password: password) else {
                Issue.record("could not set the password for \(role)")
                return
            }
        }
    }
}

@Suite("Newsroom access")
struct NewsroomAccessTests {
    @Test("every newsroom page sends anonymous visitors to sign in", arguments: TestEngine.available)
    func anonymous(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            for path in ["/admin/", "/admin/comments", "/admin/comments?status=spam"] {
                let page = try await site.get(path)
                #expect(page.status == .seeOther, "\(path)")
                #expect(page.location?.hasPrefix("/admin/login?next=") == true, "\(path)")
            }
            let post = try await site.post("/admin/comments", form: ["action": "approve", "ids": "1"])
            #expect(post.status == .seeOther)
            #expect(try await site.get("/admin").location == "/admin/")
        }
    }

    @Test(
        "the first admin is created from the one-time setup link, which then stops working",
        arguments: TestEngine.available)
    func firstAdmin(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: CommentFixtures.seed()) { site in
            let link = try #require(try await site.services.accounts.setupLinkIfNeeded())
            let form = try await site.get(link)
            #expect(form.status == .ok && form.contains("Create the first admin"))
            var staff = Staff(site: site)
            let short = try await staff.post(
                link, ["name": "Ada Editor", "email": "ada@example.com", "password": "short"])
            #expect(short.status == .unprocessableContent)
            #expect(short.contains("Choose a password of at least 10 characters."))
            #expect(short.contains(#"value="Ada Editor""#))
            let created = try await staff.post(
                link, ["name": "Ada Editor", "email": "ada@example.com", "password": NewsroomFixtures.password])
            #expect(created.status == .seeOther && created.location == "/admin/")
            let dashboard = try await staff.open("/admin/")
            #expect(dashboard.status == .ok && dashboard.contains("Ada Editor") && dashboard.contains("(admin)"))
            #expect(try await site.get(link).status == .gone)
            #expect(try await site.services.accounts.setupLinkIfNeeded() == nil)
            #expect(!(try await site.get("/").contains("ada@example.com")))
        }
    }

    @Test(
        "a wrong password says nothing about which part was wrong, and five failures throttle the account",
        arguments: TestEngine.available)
    func throttling(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var staff = Staff(site: site)
            let unknown = try await staff.signIn("nobody@example.com", NewsroomFixtures.password)
            #expect(unknown.status == .unauthorized)
            #expect(unknown.contains("The email address or the password is not right."))
            for _ in 1...5 {
                #expect(try await staff.signIn("editor@example.com", "wrong password!").status == .unauthorized)
            }
            let throttled = try await staff.signIn("editor@example.com", NewsroomFixtures.password)
            #expect(throttled.status == .tooManyRequests)
            #expect(throttled.contains("Too many failed attempts"))
            #expect(throttled.contains(#"value="editor@example.com""#))
            let other = try await staff.signIn("admin@example.com", NewsroomFixtures.password)
            #expect(other.status == .seeOther)
            #expect(
                other.headers[values: .setCookie].contains { $0.contains("HttpOnly") && $0.contains("SameSite=Lax") })
        }
    }

    @Test("each role sees only what it may use; the server refuses the rest", arguments: TestEngine.available)
    func roles(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            for (role, allowed) in [(Role.contributor, false), (.author, false), (.editor, true), (.admin, true)] {
                var staff = Staff(site: site)
                #expect(
                    try await staff.signIn("\(role.rawValue)@example.com", NewsroomFixtures.password).status
                        == .seeOther)
                let queue = try await staff.open("/admin/comments")
                #expect(queue.status == (allowed ? .ok : .forbidden), "\(role)")
                let dashboard = try await staff.open("/admin/")
                #expect(dashboard.contains(#"href="/admin/comments""#) == allowed, "\(role)")
                let post = try await staff.post(
                    "/admin/comments", ["action": "approve", "ids": "1", "csrf_token": try await staff.csrf()])
                #expect(post.status == (allowed ? .seeOther : .forbidden), "\(role)")
            }
        }
    }

    @Test(
        "moderating from the queue needs the session's form token and shows on the site at once",
        arguments: TestEngine.available)
    func moderation(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var ann = Reader(site: site)
            let id = try #require(try await ann.comment(on: CommentFixtures.article, "Please approve me").commentID)
            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            let queue = try await editor.open("/admin/comments")
            #expect(queue.contains("Please approve me") && queue.contains("ann@example.com"))
            #expect(queue.contains("First comment from this name and email."))
            #expect(queue.contains("Pending <span class=\"count\">(1)</span>"))
            let forged = try await editor.post("/admin/comments", ["action": "approve", "ids": String(id)])
            #expect(forged.status == .forbidden && forged.contains("This form has expired"))
            #expect(!(try await site.get(CommentFixtures.article).contains("Please approve me")))
            let approved = try await editor.post(
                "/admin/comments",
                ["action": "approve", "ids": String(id), "status": "pending", "csrf_token": try await editor.csrf()])
            #expect(approved.status == .seeOther)
            let done = try await editor.open(try #require(approved.location))
            #expect(done.contains("1 comment approved."))
            #expect(try await site.get(CommentFixtures.article).contains("Please approve me"))
        }
    }

    @Test("signing out ends the session, and signing out everywhere ends them all", arguments: [TestEngine.sqlite])
    func signOut(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var laptop = Staff(site: site)
            var phone = Staff(site: site)
            _ = try await laptop.signIn("admin@example.com", NewsroomFixtures.password)
            _ = try await phone.signIn("admin@example.com", NewsroomFixtures.password)
            let out = try await laptop.post("/admin/logout", ["csrf_token": try await laptop.csrf()])
            #expect(out.status == .seeOther && out.location == "/admin/login")
            #expect(try await laptop.open("/admin/").status == .seeOther)
            #expect(try await phone.open("/admin/").status == .ok)
            _ = try await laptop.signIn("admin@example.com", NewsroomFixtures.password)
            _ = try await laptop.post("/admin/logout-everywhere", ["csrf_token": try await laptop.csrf()])
            #expect(try await phone.open("/admin/").status == .seeOther)
        }
    }

    @Test("a reset link sets a new password once and signs out every other session", arguments: [TestEngine.sqlite])
    func passwordReset(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var old = Staff(site: site)
            _ = try await old.signIn("author@example.com", NewsroomFixtures.password)
            let link = try #require(try await site.services.accounts.resetLink(email: "author@example.com"))
            var staff = Staff(site: site)
            #expect(try await staff.post(link, ["password": "tiny"]).status == .unprocessableContent)
            let changed = try await staff.post(link, ["password": "a brand new passphrase"])
            #expect(changed.status == .seeOther)
            #expect(try await staff.open("/admin/").status == .ok)
            #expect(try await old.open("/admin/").status == .seeOther)
            #expect(try await site.get(link).status == .gone)
            var again = Staff(site: site)
            #expect(try await again.signIn("author@example.com", "a brand new passphrase").status == .seeOther)
        }
    }

    @Test("after signing in, only newsroom paths are followed", arguments: [TestEngine.sqlite])
    func safeNext(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            for (next, expected) in [
                ("/admin/comments", "/admin/comments"), ("//evil.example/", "/admin/"),
                ("https://evil.example", "/admin/"),
                ("/admin/\\evil", "/admin/"),
            ] {
                var staff = Staff(site: site)
                let answer = try await staff.post(
                    "/admin/login", ["email": "admin@example.com", "password": NewsroomFixtures.password, "next": next])
                #expect(answer.location == expected, "\(next)")
            }
        }
    }
}
