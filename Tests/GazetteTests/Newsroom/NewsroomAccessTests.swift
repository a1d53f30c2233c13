import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import HTTPTypes
import Testing

@testable import GazetteServices
@testable import GazetteWeb

/// A newsroom member's browser: the session cookie kept between requests.
struct Staff {
    let site: TestSite
    var cookie = ""
    /// The sign-in form's token cookie, as a browser keeps it after opening the form.
    var loginCookie = ""
    /// The pending two-step sign-in, between the password and the code.
    var secondStepCookie = ""
    /// The client address a trusted proxy reports for this person.
    var forwardedFor: String? = nil
    /// What the browser says of where a request comes from (`Sec-Fetch-Site`), when set.
    var fetchSite: String? = nil

    var headers: HTTPFields {
        var fields = HTTPFields()
        var cookies: [String] = []
        if !cookie.isEmpty { cookies.append("gazette_session=\(cookie)") }
        if !loginCookie.isEmpty { cookies.append("gazette_login=\(loginCookie)") }
        if !secondStepCookie.isEmpty { cookies.append("gazette_second_step=\(secondStepCookie)") }
        if !cookies.isEmpty { fields[.cookie] = cookies.joined(separator: "; ") }
        if let forwardedFor { fields[HTTPField.Name("X-Forwarded-For")!] = forwardedFor }
        if let fetchSite { fields[HTTPField.Name("Sec-Fetch-Site")!] = fetchSite }
        return fields
    }

    func open(_ path: String) async throws -> Fetched {
        try await site.get(path, headers: headers)
    }

    mutating func post(_ path: String, _ form: [String: String]) async throws -> Fetched {
        let answer = try await site.post(path, form: form, headers: headers)
        if let value = answer.setCookies["gazette_session"] { cookie = value }
        if let value = answer.setCookies["gazette_second_step"] { secondStepCookie = value }
        return answer
    }

    mutating func post(_ path: String, pairs: [(String, String)]) async throws -> Fetched {
        let answer = try await site.post(path, pairs: pairs, headers: headers)
        if let value = answer.setCookies["gazette_session"] { cookie = value }
        if let value = answer.setCookies["gazette_second_step"] { secondStepCookie = value }
        return answer
    }

    /// Opens the sign-in form, as a browser does, and sends it.
    mutating func signIn(_ email: String, _ password: String, next: String = "/admin/") async throws -> Fetched {
        let form = try await open("/admin/login")
        if let value = form.setCookies["gazette_login"] { loginCookie = value }
        let token = Reader.field("login_token", in: form.body)
        return try await post(
            "/admin/login", ["email": email, "password": password, "next": next, "login_token": token])
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
            #expect(form.contains(#"autocomplete="new-password""#), "password managers offer a new password")
            let before = try await site.get("/admin/login")
            #expect(before.contains(#"autocomplete="current-password""#))
            #expect(before.contains("Nobody can sign in yet."), "the sign-in page says how to get in before setup")
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
            #expect(!(try await site.get("/admin/login").contains("Nobody can sign in yet.")))
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
            #expect(unknown.count("The email address or the password is not right.") == 1, "said once, at the top")
            #expect(!unknown.contains(#"aria-invalid"#), "no field is marked on its own")
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

    @Test(
        "wrong passwords from one client throttle that client only: the owner still signs in from elsewhere",
        arguments: [TestEngine.sqlite])
    func noLockOut(engine: TestEngine) async throws {
        try await TestSite.run(engine, configure: { $0.trustedProxies = ["127.0.0.1/32"] }, seed: NewsroomFixtures.seed)
        { site in
            var attacker = Staff(site: site, forwardedFor: "127.0.0.2")
            for _ in 1...5 {
                #expect(try await attacker.signIn("editor@example.com", "wrong password!").status == .unauthorized)
            }
            let blocked = try await attacker.signIn("editor@example.com", NewsroomFixtures.password)
            #expect(blocked.status == .tooManyRequests)
            var owner = Staff(site: site, forwardedFor: "127.0.0.3")
            #expect(try await owner.signIn("editor@example.com", NewsroomFixtures.password).status == .seeOther)

            // The change-password form's check of the current password is throttled the same way.
            let csrf = try await owner.csrf()
            for _ in 1...5 {
                let wrong = try await owner.post(
                    "/admin/profile/password",
                    ["csrf_token": csrf, "current_password": "not it at all", "new_password": "a new long password"])
                #expect(wrong.status == .unprocessableContent && wrong.contains("not your current password"))
            }
            let stopped = try await owner.post(
                "/admin/profile/password",
                [
                    "csrf_token": csrf, "current_password": NewsroomFixtures.password,
                    "new_password": "a new long password",
                ])
            #expect(stopped.status == .unprocessableContent && stopped.contains("Too many wrong passwords"))
        }
    }

    @Test("a sign-in form from another site signs nobody in (login CSRF)", arguments: [TestEngine.sqlite])
    func loginCSRF(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var victim = Staff(site: site)
            let forged = try await victim.post(
                "/admin/login",
                ["email": "editor@example.com", "password": NewsroomFixtures.password, "next": "/admin/"])
            #expect(forged.status == .forbidden && forged.contains("did not come from this site"))
            #expect(forged.setCookies["gazette_session"] == nil)
            victim.loginCookie = "a-cookie-the-attacker-cannot-set-anyway-0123456789"
            let wrongToken = try await victim.post(
                "/admin/login",
                [
                    "email": "editor@example.com", "password": NewsroomFixtures.password, "next": "/admin/",
                    "login_token": "another-token-0123456789-0123456789-0123",
                ])
            #expect(wrongToken.status == .forbidden && wrongToken.setCookies["gazette_session"] == nil)
            let form = try await site.get("/admin/login")
            #expect(
                form.headers[values: .setCookie].contains { $0.contains("SameSite=Strict") && $0.contains("HttpOnly") })
            var genuine = Staff(site: site)
            #expect(try await genuine.signIn("editor@example.com", NewsroomFixtures.password).status == .seeOther)
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
            let onArticle = try #require(
                try await site.services.articles.id(forSlug: Slug(trusted: "council-approves-the-new-library")))
            #expect(
                queue.contains("On <a href=\"/admin/articles/\(onArticle)\">Council approves the new library</a>"),
                "each comment names its article")
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
            #expect(!(try await site.get("/admin/login").contains("Nobody can sign in yet.")))
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
                let answer = try await staff.signIn("admin@example.com", NewsroomFixtures.password, next: next)
                #expect(answer.location == expected, "\(next)")
            }
        }
    }
}
