import Foundation
import GazetteTestSupport
import Testing

@Suite("gazette import wxr")
struct WordPressImportCommandTests {
    @Test("imports an export, prints what it did and the new authors' links; a second run adds nothing")
    func importsAndReports() async throws {
        try await TestDatabase.with(.sqlite) { location in
            let database = CommandLineTests.databaseArguments(location)
            let file = try WordPressExportFixture.file()
            defer { try? FileManager.default.removeItem(at: file) }
            let first = try CommandLine.run(
                ["import", "wxr", file.path, "--base-url", "https://herald.example.org"] + database)
            #expect(first.status == 0, "\(first.all)")
            #expect(first.output.contains("Imported 8 articles and 1 page from “Harbour & Herald”."), "\(first.all)")
            #expect(first.output.contains("By status: 4 draft, 1 scheduled, 3 published, 1 trash"))
            #expect(first.output.contains("8 comments (1 reply without its parent made top-level)"))
            #expect(first.output.contains("Shortcodes kept as text (edit these posts): [contact-form-7] in 1 post"))
            #expect(first.output.contains("Left out (2):"))
            #expect(first.output.contains("nav_menu_item 40 “Home”: a “nav_menu_item” item is not content"))
            #expect(first.output.contains("post 16 “Missed its slot”: was scheduled for a time already past"))
            #expect(first.output.contains("Ana Müller <ana@herald.example>: https://herald.example.org/admin/invite/"))
            #expect(!first.errors.contains("\r"), "no progress bar when standard error is not a terminal")

            let second = try CommandLine.run(["import", "wxr", file.path] + database)
            #expect(second.status == 0, "\(second.all)")
            #expect(second.output.contains("Imported 0 articles and 0 pages"), "\(second.all)")
            #expect(second.output.contains("Already imported before, left as they are: 9 posts and pages, 8 comments"))
        }
    }

    @Test("a missing, truncated or foreign file is a clear error with a non-zero exit")
    func refusals() async throws {
        try await TestDatabase.with(.sqlite) { location in
            let database = CommandLineTests.databaseArguments(location)
            let missing = try CommandLine.run(["import", "wxr", "/nonexistent/export.xml"] + database)
            #expect(missing.status != 0)
            #expect(missing.errors.contains("Cannot read /nonexistent/export.xml"), "\(missing.all)")

            let text = WordPressExportFixture.text()
            let truncated = try WordPressExportFixture.file(String(text.prefix(3_000)))
            defer { try? FileManager.default.removeItem(at: truncated) }
            let cut = try CommandLine.run(["import", "wxr", truncated.path] + database)
            #expect(cut.status != 0)
            #expect(cut.errors.contains(", column "), "\(cut.all)")
            #expect(cut.errors.contains("Nothing was imported."))

            let feed = try WordPressExportFixture.file(
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>A feed</title></channel></rss>")
            defer { try? FileManager.default.removeItem(at: feed) }
            let plainFeed = try CommandLine.run(["import", "wxr", feed.path] + database)
            #expect(plainFeed.status != 0)
            #expect(plainFeed.errors.contains("use gazette import feed"), "\(plainFeed.all)")

            let export = try WordPressExportFixture.file()
            defer { try? FileManager.default.removeItem(at: export) }
            let noFolder = try CommandLine.run(
                ["import", "wxr", export.path, "--fetch-media", "/nonexistent/uploads"] + database)
            #expect(noFolder.status != 0 && noFolder.errors.contains("/nonexistent/uploads is not a folder"))

            let notXML = try WordPressExportFixture.file("just some text, not XML")
            defer { try? FileManager.default.removeItem(at: notXML) }
            let garbage = try CommandLine.run(["import", "wxr", notXML.path] + database)
            #expect(garbage.status != 0 && garbage.errors.contains("line 1"), "\(garbage.all)")
        }
    }

    @Test("gazette export writes a WXR file that imports into an empty site; a bad folder leaves nothing")
    func exportThenImport() async throws {
        try await TestDatabase.with(.sqlite) { first in
            try await TestDatabase.with(.sqlite) { second in
                let file = try WordPressExportFixture.file()
                let exported = FileManager.default.temporaryDirectory.appendingPathComponent(
                    "site-\(UUID().uuidString).xml")
                defer {
                    try? FileManager.default.removeItem(at: file)
                    try? FileManager.default.removeItem(at: exported)
                }
                let source = CommandLineTests.databaseArguments(first)
                #expect(try CommandLine.run(["import", "wxr", file.path] + source).status == 0)
                let export = try CommandLine.run(["export", "--format", "wxr", exported.path] + source)
                #expect(export.status == 0, "\(export.all)")
                #expect(
                    export.output.contains("Exported 8 articles, 1 page, 8 comments and 3 people to \(exported.path)."),
                    "\(export.all)")
                let text = try String(contentsOf: exported, encoding: .utf8)
                #expect(text.contains("<wp:wxr_version>1.2</wp:wxr_version>") && !text.contains("password_hash"))
                let again = try CommandLine.run(
                    ["import", "wxr", exported.path] + CommandLineTests.databaseArguments(second))
                #expect(again.status == 0, "\(again.all)")
                #expect(again.output.contains("Imported 8 articles and 1 page"), "\(again.all)")

                let nowhere = try CommandLine.run(["export", "/nonexistent/folder/site.xml"] + source)
                #expect(nowhere.status != 0 && nowhere.errors.contains("Cannot write to /nonexistent/folder"))
                #expect(!FileManager.default.fileExists(atPath: "/nonexistent/folder/site.xml"))
                let unknown = try CommandLine.run(["export", "--format", "csv", exported.path] + source)
                #expect(unknown.status != 0 && unknown.errors.contains("csv"), "\(unknown.all)")
            }
        }
    }

    @Test("gazette export --format json writes the documented document: everything, and no secrets")
    func jsonExport() async throws {
        try await TestDatabase.with(.sqlite) { location in
            let database = CommandLineTests.databaseArguments(location)
            let file = try WordPressExportFixture.file()
            let exported = FileManager.default.temporaryDirectory.appendingPathComponent(
                "site-\(UUID().uuidString).json")
            defer {
                try? FileManager.default.removeItem(at: file)
                try? FileManager.default.removeItem(at: exported)
            }
            #expect(try CommandLine.run(["import", "wxr", file.path] + database).status == 0)
            #expect(
                try CommandLine.run(["settings", "set", "site.title", "Harbour Herald"] + database).status == 0)
            let export = try CommandLine.run(["export", "--format", "json", exported.path] + database)
            #expect(export.status == 0, "\(export.all)")
            let data = try Data(contentsOf: exported)
            let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(document["format"] as? String == "gazette-export" && document["version"] as? Int == 1)
            let articles = try #require(document["articles"] as? [[String: Any]])
            #expect(articles.count == 9)
            #expect(Set(articles.compactMap { $0["kind"] as? String }) == ["article", "page"])
            let ferry = try #require(articles.first { $0["slug"] as? String == "ferry-returns" })
            #expect(ferry["url"] as? String == "http://127.0.0.1:8080/2024/03/05/ferry-returns/")
            let comments = try #require(ferry["comments"] as? [[String: Any]])
            #expect(comments.count == 8)
            #expect(Set(comments.compactMap { $0["status"] as? String }) == ["approved", "pending", "spam", "trash"])
            let replies = comments.filter { $0["parent_id"] != nil }
            #expect(replies.count == 2, "two replies keep their parents")
            #expect((ferry["redirects"] as? [String])?.contains("/?p=10") == true)
            let people = try #require(document["people"] as? [[String: Any]])
            #expect(people.contains { $0["email"] as? String == "ana@herald.example" })
            let categories = try #require(document["categories"] as? [[String: Any]])
            #expect(categories.contains { $0["slug"] as? String == "port" && $0["parent_id"] != nil })
            // People carry exactly the documented fields (never a password hash); settings only the
            // publisher's choices (never the signing secret).
            #expect(
                people.allSatisfy {
                    Set($0.keys) == ["avatar_url", "bio", "email", "id", "name", "role", "slug"]
                })
            let settings = try #require(document["settings"] as? [String: String])
            #expect(settings["site.title"] == "Harbour Herald")
            #expect(settings.keys.allSatisfy { $0.hasPrefix("site.") || $0.hasPrefix("comments.") })
            #expect(!String(decoding: data, as: UTF8.self).contains("site_secret"))
        }
    }
}
