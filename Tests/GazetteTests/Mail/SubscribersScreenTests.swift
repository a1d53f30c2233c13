import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Mail: the subscribers screen")
struct SubscribersScreenTests {
    static func upload(_ staff: Staff, _ csv: String) async throws -> Fetched {
        var body = MultipartBody()
        body.field("csrf_token", try await staff.csrf())
        body.file("csv_file", fileName: "readers.csv", type: "text/csv", Array(csv.utf8))
        return try await staff.send("/admin/subscribers", body)
    }

    @Test(
        "admins count, search, import with consent dates, export and remove; nobody else sees the addresses",
        arguments: TestEngine.available)
    func screen(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: NewsroomFixtures.seed) { site in
            var admin = Staff(site: site)
            _ = try await admin.signIn("admin@example.com", NewsroomFixtures.password)
            let empty = try await admin.open("/admin/subscribers")
            #expect(
                empty.status == .ok && empty.contains("0 get the newsletters")
                    && empty.contains("No subscriber matches."))
            #expect(empty.contains(#"<a href="/admin/subscribers" aria-current="page">Subscribers</a>"#), "in the menu")

            // A wrong line: nothing imported, every problem named, nothing typed comes back live.
            let wrong = try await Self.upload(
                admin, "email,consent_date\nana@example.org,2026-10-01\n<script>alert(1)</script>,2026-10-01\n")
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.contains("Line 3: “&lt;script&gt;alert(1)&lt;/script&gt;” is not an email address."))
            #expect(!wrong.contains("<script>alert(1)"))
            #expect(try await site.services.subscribers.counts().newsletterReaders == 0)

            let imported = try await Self.upload(
                admin,
                "email,topics,consent_date,consent\nana@example.org,site,2026-10-01,fair\n"
                    + "bo@example.org,tag:harbour,2026-10-02,\n=cmd@example.org,site,2026-10-03,\n")
            #expect(imported.status == .seeOther, "\(imported.body.prefix(400))")
            let page = try await admin.open(try #require(imported.location))
            #expect(page.contains("Imported 3 new subscriber(s)"))
            #expect(page.contains("3 get the newsletters") && page.contains("3 active"))
            #expect(page.contains("1 October 2026 (fair)"))
            let search = try await admin.open("/admin/subscribers?q=bo%40")
            #expect(search.contains("bo@example.org") && !search.contains("ana@example.org"))

            let csv = try await admin.open("/admin/subscribers/export.csv")
            #expect(csv.contentType == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"subscribers.csv\"")
            #expect(csv.body.contains("ana@example.org,site,2026-10-01T00:00:00Z,fair,active"))
            #expect(csv.body.contains("'=cmd@example.org"), "a spreadsheet never runs a cell as a formula")

            let bo = try #require(try await site.services.subscriptions.subscriber(email: "bo@example.org"))
            let removed = try await admin.post(
                "/admin/subscribers/\(bo.id)/remove", ["csrf_token": try await admin.csrf()])
            #expect(removed.status == .seeOther)
            #expect(try await admin.open(try #require(removed.location)).contains("Removed bo@example.org."))
            #expect(try await site.services.subscriptions.subscriber(email: "bo@example.org") == nil)
            let forged = try await admin.post("/admin/subscribers/\(bo.id)/remove", ["csrf_token": "nope"])
            #expect(forged.status == .forbidden)

            var editor = Staff(site: site)
            _ = try await editor.signIn("editor@example.com", NewsroomFixtures.password)
            #expect(try await editor.open("/admin/subscribers").status == .forbidden)
            #expect(try await editor.open("/admin/subscribers/export.csv").status == .forbidden)
        }
    }

    @Test("an export imports again as it was: who left stays left, quoted addresses come back, a BOM is fine")
    func roundTrip() async throws {
        try await TestSite.run(.sqlite, seed: NewsroomFixtures.seed) { site in
            let roster = site.services.subscribers
            let csv =
                "\u{FEFF}email,topics,consent_date,consent,status\r\n"
                + "kept@example.org,site,2026-10-01,fair,active\r\n"
                + "gone@example.org,,,,unsubscribed\r\n" + "'=odd@example.org,site,2026-10-02,,active\r\n"
            let result = try await roster.importCSV(csv)
            #expect(result.added == 2 && result.refused == 1)
            #expect(
                try await site.services.subscriptions.subscriber(email: "gone@example.org")?.status == .unsubscribed)
            #expect(try await site.services.subscriptions.subscriber(email: "=odd@example.org")?.status == .active)
            // Asking again from the form cannot bring back, by import, someone who left.
            let again = try await roster.importCSV("email,consent_date\ngone@example.org,2026-11-01\n")
            #expect(again.refused == 1 && again.added == 0)
            var exported = ""
            try await roster.exportCSV { exported += $0 }
            #expect(exported.contains("gone@example.org,,,import,unsubscribed"))
            #expect(exported.contains("'=odd@example.org,site,"))
        }
    }
}
