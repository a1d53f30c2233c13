import Crypto
import Foundation
import GazetteContent
import GazetteTestSupport
import HTTPTypes
import Testing

@testable import Gazette
@testable import GazetteServices
@testable import GazetteWeb

/// RFC 6238 written out here, independently of the server's code, as an authenticator app computes it.
enum AuthenticatorApp {
    static func code(key base32: String, at date: Date) -> String {
        let key = decode(base32)
        let step = UInt64(date.timeIntervalSince1970) / 30
        let message = (0..<8).reversed().map { UInt8(truncatingIfNeeded: step >> (UInt64($0) * 8)) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: key)))
        let offset = Int(mac[19] & 0x0F)
        let number =
            (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8)
            | UInt32(mac[offset + 3])
        let text = String(number % 1_000_000)
        return String(repeating: "0", count: 6 - text.count) + text
    }

    static func decode(_ base32: String) -> [UInt8] {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var bits = 0
        var value = 0
        var bytes: [UInt8] = []
        for character in base32.uppercased() where character != " " && character != "=" {
            guard let index = alphabet.firstIndex(of: character) else { continue }
            value = value << 5 | index
            bits += 5
            if bits >= 8 {
                bytes.append(UInt8((value >> (bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return bytes
    }
}

@Suite("Two-step sign-in")
struct TwoFactorTests {
    /// Signs in, sets two-step sign-in up with the app and returns the key and the recovery codes.
    static func enroll(_ staff: inout Staff, at now: Date) async throws -> (key: String, codes: [String]) {
        let setup = try await staff.open("/admin/profile/two-factor")
        #expect(setup.status == .ok && setup.contains("otpauth://totp/"))
        let key = String(try #require(setup.body.firstMatch(of: /id="setup-key">([A-Z2-7 ]+)</)).output.1)
        let csrf = Reader.field("csrf_token", in: setup.body)
        let wrong = try await staff.post(
            "/admin/profile/two-factor", ["csrf_token": csrf, "intent": "enable", "code": "000000"])
        #expect(wrong.status == .unprocessableContent && wrong.contains("not the code the app shows"))
        let enabled = try await staff.post(
            "/admin/profile/two-factor",
            ["csrf_token": csrf, "intent": "enable", "code": AuthenticatorApp.code(key: key, at: now)])
        #expect(enabled.status == .ok && enabled.contains("Your recovery codes"))
        let codes = enabled.body.matches(of: /<li><code>([a-z2-9]{5}-[a-z2-9]{5})<\/code><\/li>/).map {
            String($0.output.1)
        }
        #expect(codes.count == 10 && Set(codes).count == 10)
        return (key, codes)
    }

    @Test("the server's codes are RFC 6238's: the standard's test key at 59 seconds gives 287082")
    func standardVector() {
        let secret = "12345678901234567890"
        let at59 = Date(timeIntervalSince1970: 59)
        #expect(TwoFactorService.matchingStep("287082", secret: secret, after: 0, at: at59) == 1)
        #expect(TwoFactorService.matchingStep("287 082", secret: secret, after: 0, at: at59) == 1)
        #expect(TwoFactorService.matchingStep("287082", secret: secret, after: 1, at: at59) == nil, "used once")
        #expect(TwoFactorService.matchingStep("287083", secret: secret, after: 0, at: at59) == nil)
        #expect(TwoFactorService.matchingStep("28708", secret: secret, after: 0, at: at59) == nil)
        // One step either side is allowed for a phone's clock; two are not.
        #expect(TwoFactorService.matchingStep("287082", secret: secret, after: 0, at: at59 + 30) == 1)
        #expect(TwoFactorService.matchingStep("287082", secret: secret, after: 0, at: at59 + 60) == nil)
        #expect(AuthenticatorApp.code(key: "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", at: at59) == "287082")
    }

    @Test(
        "set up with an app, then a password alone is not enough: the code is asked, used once, and recovery codes work once",
        arguments: TestEngine.available)
    func signInWithCode(engine: TestEngine) async throws {
        let clock = ManualClock(TestSite.now)
        try await TestSite.run(engine, clock: clock.clock, seed: NewsroomFixtures.seed) { site in
            var author = Staff(site: site)
            _ = try await author.signIn("author@example.com", NewsroomFixtures.password)
            let (key, codes) = try await Self.enroll(&author, at: TestSite.now)
            #expect(
                try await author.open("/admin/profile/two-factor").contains("10 unused recovery codes</strong> left"))

            // The password is right, but only the code step opens; the pending sign-in is no session.
            var phone = Staff(site: site)
            let first = try await phone.signIn("author@example.com", NewsroomFixtures.password)
            #expect(first.status == .seeOther && first.location?.hasPrefix("/admin/login/code") == true)
            #expect(phone.cookie.isEmpty && !phone.secondStepCookie.isEmpty)
            #expect(try await phone.open("/admin/").location?.hasPrefix("/admin/login") == true)
            let form = try await phone.open("/admin/login/code")
            #expect(form.status == .ok && form.contains("Enter your sign-in code"))

            // The code that turned it on was for this step: seen over a shoulder, it does not work again.
            let replay = try await phone.post(
                "/admin/login/code", ["code": AuthenticatorApp.code(key: key, at: TestSite.now), "next": "/admin/"])
            #expect(replay.status == .unauthorized && replay.contains("That code was already used"))
            clock.advance(seconds: 30)
            let good = try await phone.post(
                "/admin/login/code",
                ["code": AuthenticatorApp.code(key: key, at: clock.clock.now()), "next": "/admin/"])
            #expect(good.status == .seeOther && good.location == "/admin/")
            #expect(!phone.cookie.isEmpty)
            #expect(try await phone.open("/admin/").status == .ok)

            // A recovery code signs in once, and leads to the page to make new ones.
            var lost = Staff(site: site)
            _ = try await lost.signIn("author@example.com", NewsroomFixtures.password)
            let recovered = try await lost.post(
                "/admin/login/code", ["code": codes[3].uppercased(), "next": "/admin/"])
            #expect(recovered.status == .seeOther && recovered.location == "/admin/profile/two-factor?recovered=9")
            #expect(try await lost.open(try #require(recovered.location)).contains("9 left"))
            var again = Staff(site: site)
            _ = try await again.signIn("author@example.com", NewsroomFixtures.password)
            #expect(try await again.post("/admin/login/code", ["code": codes[3]]).status == .unauthorized)

            // Ten minutes after the password, the code step is over.
            var slow = Staff(site: site)
            _ = try await slow.signIn("author@example.com", NewsroomFixtures.password)
            clock.advance(seconds: 11 * 60)
            let late = try await slow.post(
                "/admin/login/code", ["code": AuthenticatorApp.code(key: key, at: clock.clock.now())])
            #expect(late.status == .seeOther && late.location?.hasPrefix("/admin/login?expired=1") == true)
            #expect(slow.cookie.isEmpty)

            var admin = Staff(site: site)
            _ = try await admin.signIn("admin@example.com", NewsroomFixtures.password)
            let log = try await admin.open("/admin/audit")
            #expect(log.contains("<td>Two-step sign-in turned on") && log.contains("<td>Wrong sign-in code"))
            #expect(log.contains("<td>Recovery code used"))
            #expect(!log.contains(key) && !log.contains(codes[3]), "no secret reaches the log")
        }
    }

    @Test("wrong codes are throttled per account and client, without locking the owner out elsewhere")
    func codeThrottling() async throws {
        try await TestSite.run(
            .sqlite, configure: { $0.trustedProxies = ["127.0.0.1/32"] }, seed: NewsroomFixtures.seed
        ) { site in
            var owner = Staff(site: site, forwardedFor: "127.0.0.3")
            _ = try await owner.signIn("editor@example.com", NewsroomFixtures.password)
            let (key, _) = try await Self.enroll(&owner, at: TestSite.now)
            var thief = Staff(site: site, forwardedFor: "127.0.0.2")
            _ = try await thief.signIn("editor@example.com", NewsroomFixtures.password)
            for guess in 1...5 {
                let answer = try await thief.post("/admin/login/code", ["code": String(format: "%06d", guess)])
                #expect(answer.status == .unauthorized)
            }
            // Entering the right password again buys no more guesses.
            _ = try await thief.signIn("editor@example.com", NewsroomFixtures.password)
            let blocked = try await thief.post("/admin/login/code", ["code": "123456"])
            #expect(blocked.status == .tooManyRequests && blocked.contains("Too many wrong codes"))
            var laptop = Staff(site: site, forwardedFor: "127.0.0.3")
            _ = try await laptop.signIn("editor@example.com", NewsroomFixtures.password)
            let code = AuthenticatorApp.code(key: key, at: TestSite.now.addingTimeInterval(30))
            #expect(try await laptop.post("/admin/login/code", ["code": code]).status == .seeOther)
        }
    }

    @Test("admins require it by role: those roles set it up before anything else opens, and cannot turn it off")
    func requiredByRole() async throws {
        try await TestSite.run(.sqlite, seed: NewsroomFixtures.seed) { site in
            var admin = Staff(site: site)
            _ = try await admin.signIn("admin@example.com", NewsroomFixtures.password)
            let settings = try await admin.open("/admin/settings")
            #expect(settings.contains("Two-step sign-in required for"))
            let saved = try await admin.post(
                "/admin/settings",
                pairs: SettingsTests.form(
                    settings, csrf: try await admin.csrf(), changing: ["site.two_factor": "editor"]))
            #expect(saved.status == .seeOther)
            // The admin's own role is covered: the next page is the set-up.
            let held = try await admin.open("/admin/articles")
            #expect(held.status == .seeOther && held.location == "/admin/profile/two-factor?required=1")

            var editor = Staff(site: site)
            let signedIn = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            #expect(signedIn.status == .seeOther)
            #expect(try await editor.open("/admin/articles").location == "/admin/profile/two-factor?required=1")
            let setup = try await editor.open("/admin/profile/two-factor?required=1")
            #expect(setup.contains("requires two-step sign-in for your role"))
            let csrf = Reader.field("csrf_token", in: setup.body)
            let notYet = try await editor.post("/admin/articles/new", ["csrf_token": csrf, "title": "Sneaky"])
            #expect(notYet.status == .seeOther && notYet.location == "/admin/profile/two-factor?required=1")
            _ = try await Self.enroll(&editor, at: TestSite.now)
            #expect(try await editor.open("/admin/articles").status == .ok)
            let page = try await editor.open("/admin/profile/two-factor")
            #expect(page.contains("so it stays on") && !page.contains("Turn off two-step sign-in"))
            let off = try await editor.post(
                "/admin/profile/two-factor",
                ["csrf_token": csrf, "intent": "disable", "password": NewsroomFixtures.password])
            #expect(off.status == .forbidden)

            // Authors are below the line.
            var author = Staff(site: site)
            _ = try await author.signIn("author@example.com", NewsroomFixtures.password)
            #expect(try await author.open("/admin/articles").status == .ok)
        }
    }

    @Test("turning it off needs the password; a reset link does not skip the code; the command line turns it off")
    func offAndReset() async throws {
        try await TestSite.run(.sqlite, seed: NewsroomFixtures.seed) { site in
            var author = Staff(site: site)
            _ = try await author.signIn("author@example.com", NewsroomFixtures.password)
            _ = try await Self.enroll(&author, at: TestSite.now)
            let csrf = try await author.csrf()
            let wrong = try await author.post(
                "/admin/profile/two-factor", ["csrf_token": csrf, "intent": "disable", "password": "not my password"])
            #expect(wrong.status == .unprocessableContent && wrong.contains("not your current password"))
            let forged = try await author.post(
                "/admin/profile/two-factor", ["intent": "disable", "password": NewsroomFixtures.password])
            #expect(forged.status != .ok, "a form without the session's token changes nothing")
            #expect(
                try await site.services.accounts.twoFactor.isEnabled(
                    userID: try #require(
                        try await site.services.authors.find(email: "author@example.com")
                    ).id))

            let link = try #require(try await site.services.accounts.resetLink(email: "author@example.com"))
            var reader = Staff(site: site)
            let reset = try await reader.post(link, ["password": "a brand new password"])
            #expect(reset.status == .ok && reset.contains("asked for the code"))
            #expect(reader.cookie.isEmpty, "the reset link signed nobody in")

            guard case .sqlite(let path) = site.services.configuration.database else { return }
            let command = try await BackupCommandTests.offThePool(
                ["user", "reset-two-factor", "--email", "author@example.com", "--database", "sqlite:\(path)"])
            #expect(command.status == 0 && command.output.contains("Two-step sign-in is off"), "\(command.all)")
            var back = Staff(site: site)
            let plain = try await back.signIn("author@example.com", "a brand new password")
            #expect(plain.status == .seeOther && plain.location == "/admin/" && !back.cookie.isEmpty)
            let missing = try await BackupCommandTests.offThePool(
                ["user", "reset-two-factor", "--email", "nobody@example.com", "--database", "sqlite:\(path)"])
            #expect(missing.status != 0 && missing.errors.contains("There is no user"))
        }
    }
}
