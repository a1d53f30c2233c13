import Foundation
import Testing

@Suite("gazette subscribers and gazette newsletter")
struct SubscribersCommandTests {
    @Test(
        "import checks every line first; export keeps the consent dates; remove forgets; newsletter send refuses drafts"
    )
    func subscribers() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("subs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let data = ["--data-dir", folder.appendingPathComponent("site").path]
        let bad = folder.appendingPathComponent("bad.csv")
        try """
        email,topics,consent_date,consent
        ana@example.org,site,2026-10-01,signup sheet
        not an address,site,2026-10-01,
        bo@example.org,tag:harbour,someday,
        cy@example.org,thread:4,2026-10-02,
        """.write(to: bad, atomically: true, encoding: .utf8)
        let refused = try CommandLine.run(["subscribers", "import", bad.path] + data)
        #expect(refused.status != 0)
        #expect(refused.errors.contains("Nothing was imported"))
        #expect(refused.errors.contains("Line 3: “not an address” is not an email address."))
        #expect(refused.errors.contains("Line 4: the consent date “someday”"))
        #expect(refused.errors.contains("Line 5: “thread:4” has a topic"))
        #expect(try CommandLine.run(["subscribers", "list"] + data).output.contains("active: 0"))

        let good = folder.appendingPathComponent("good.csv")
        try """
        Email,Topics,Consent_Date,Consent
        Ana@Example.org,site tag:harbour,2026-10-01,signup sheet
        "bo@example.org","",2026-10-02T09:30:00Z,"said yes, at the fair"
        """.write(to: good, atomically: true, encoding: .utf8)
        let imported = try CommandLine.run(["subscribers", "import", good.path] + data)
        #expect(imported.status == 0, "\(imported.all)")
        #expect(imported.output.contains("Imported: 2 new"))
        let list = try CommandLine.run(["subscribers", "list"] + data)
        #expect(list.output.contains("active: 2") && list.output.contains("newsletter readers: 2"))
        #expect(list.output.contains("ana@example.org [active] site tag:harbour"))

        let exported = try CommandLine.run(["subscribers", "export"] + data)
        #expect(exported.status == 0)
        let lines = exported.output.split(separator: "\r\n")
        #expect(lines.first == "email,topics,consent_date,consent,status")
        #expect(lines.contains("ana@example.org,site tag:harbour,2026-10-01T00:00:00Z,signup sheet,active"))
        #expect(lines.contains(#"bo@example.org,site,2026-10-02T09:30:00Z,"said yes, at the fair",active"#))

        #expect(try CommandLine.run(["subscribers", "remove", "bo@example.org"] + data).status == 0)
        let gone = try CommandLine.run(["subscribers", "remove", "bo@example.org"] + data)
        #expect(gone.status != 0 && gone.errors.contains("No subscriber has the address bo@example.org."))

        // A published article goes out (once); an article number that is not there cannot.
        #expect(try CommandLine.run(["generate", "--articles", "2"] + data).status == 0)
        let missing = try CommandLine.run(["newsletter", "send", "999"] + data)
        #expect(missing.status != 0 && missing.errors.contains("There is no article 999."))
        let sent = try CommandLine.run(["newsletter", "send", "1"] + data)
        #expect(sent.status == 0, "\(sent.all)")
        #expect(sent.output.contains("is queued for its subscribers"))
        #expect(try CommandLine.run(["newsletter", "list"] + data).output.contains("article 1 [waiting]"))
    }
}
