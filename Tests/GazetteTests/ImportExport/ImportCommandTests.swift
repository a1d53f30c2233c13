import Foundation
import GazetteTestSupport
import Testing

@Suite("gazette import markdown")
struct ImportCommandTests {
    static func write(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stories-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    static let good = """
        ---
        title: Council approves the new library
        author: Jane Doe
        date: 2026-11-20 09:30
        category: Local
        tags: [council, libraries]
        dek: The vote was unanimous.
        source: Wire Agency
        source_url: https://wire.example/library
        image:
          url: https://img.example/library.jpg
          alt: The old library
          credit: Photo by A. Lens
        ---
        The council **voted** on Tuesday.
        """

    /// Nine levels of nine aliases: 390 bytes that Yams alone would expand into 387 million values.
    static let aliasBomb: String = {
        var lines = ["---", "title: Laughs", #"a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]"#]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append(
                "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
        }
        return (lines + ["---", "Body."]).joined(separator: "\n")
    }()

    @Test("a YAML alias bomb is refused quickly, within a memory bound, and the other files are imported")
    func aliasBombRefused() async throws {
        try await TestDatabase.with(.sqlite) { location in
            let database = CommandLineTests.databaseArguments(location)
            #expect(
                try CommandLine.run(["user", "add", "--name", "Jane Doe", "--email", "jane@example.com"] + database)
                    .status == 0)
            let folder = try Self.write(["01-bomb.md": Self.aliasBomb, "02-good.md": Self.good])
            defer { try? FileManager.default.removeItem(at: folder) }
            // 4 GB of address space: the bomb alone reached 9.6 GB before this was fixed.
            let arguments = (["import", "markdown", folder.path] + database).map { "'\($0)'" }.joined(separator: " ")
            let bounded = try CommandLine.run(
                ["-c", "ulimit -v 4194304; exec '\(CommandLine.binary.path)' \(arguments)"], timeout: 60,
                executable: URL(fileURLWithPath: "/bin/sh"))
            #expect(bounded.status == 1, "\(bounded.all)")
            #expect(
                bounded.errors.contains("01-bomb.md:2: the front matter repeats itself too often"), "\(bounded.all)")
            #expect(bounded.output.contains("1 created"), "\(bounded.all)")
        }
    }

    @Test(
        "imports good files, names the file and line of each bad one, and keeps going", arguments: TestEngine.available)
    func importFolder(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { location in
            let database = CommandLineTests.databaseArguments(location)
            let added = try CommandLine.run(
                ["user", "add", "--name", "Jane Doe", "--email", "jane@example.com"] + database)
            #expect(added.status == 0, "\(added.all)")
            let folder = try Self.write([
                "01-good.md": Self.good,
                "02-bad-yaml.md": "---\ntitle: Broken\ntags: [unclosed\n---\nBody",
                "03-no-title.md": "---\nauthor: Jane Doe\n---\nBody",
                "04-bad-date.md": "---\ntitle: When?\nauthor: Jane Doe\ndate: next tuesday\n---\nBody",
                "05-unknown-author.md": "---\ntitle: Who?\nauthor: Nobody Known\n---\nBody",
                "06-no-front-matter.md": "Just text",
                "07-second.md": "---\ntitle: A second story\nauthor: jane@example.com\ndate: 2026-11-21\n---\nMore.",
                "notes.txt": "ignored",
            ])
            defer { try? FileManager.default.removeItem(at: folder) }
            let first = try CommandLine.run(["import", "markdown", folder.path] + database)
            #expect(first.status != 0)
            #expect(first.output.contains("Imported 7 file(s): 2 created, 0 updated, 5 failed."), "\(first.all)")
            #expect(first.errors.contains("02-bad-yaml.md:"))
            #expect(first.errors.contains("03-no-title.md:1: every article needs a “title:”"))
            #expect(first.errors.contains("04-bad-date.md:4: “next tuesday” is not a date"))
            #expect(first.errors.contains("05-unknown-author.md:3: there is no author “Nobody Known”"))
            #expect(first.errors.contains("06-no-front-matter.md:1:"))

            let again = try CommandLine.run(["import", "markdown", folder.path] + database)
            #expect(again.output.contains("0 created, 2 updated, 5 failed"), "\(again.all)")

            try FileManager.default.removeItem(at: folder.appendingPathComponent("02-bad-yaml.md"))
            for name in ["03-no-title.md", "04-bad-date.md", "05-unknown-author.md", "06-no-front-matter.md"] {
                try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
            let clean = try CommandLine.run(["import", "markdown", folder.path] + database)
            #expect(clean.status == 0, "\(clean.all)")
        }
    }

    @Test("the imported article is served with its source, tags and image", arguments: [TestEngine.sqlite])
    func importedArticleIsServed(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { location in
            let database = CommandLineTests.databaseArguments(location)
            _ = try CommandLine.run(["user", "add", "--name", "Jane Doe", "--email", "jane@example.com"] + database)
            let folder = try Self.write(["story.md": Self.good])
            defer { try? FileManager.default.removeItem(at: folder) }
            let imported = try CommandLine.run(["import", "markdown", folder.path] + database)
            #expect(imported.status == 0, "\(imported.all)")
            let port = try FreePort.find()
            let server = try CommandLine.start(
                ["serve", "--port", String(port), "--data-dir", NSTemporaryDirectory(), "--welcome", "off"] + database)
            defer { if server.process.isRunning { server.process.terminate() } }
            _ = try await HTTPProbe.waitForAnswer("http://127.0.0.1:\(port)/healthz")
            let page = try await HTTPProbe.get("http://127.0.0.1:\(port)/2026/11/20/council-approves-the-new-library/")
            #expect(page.contains(#"Source: <a href="https://wire.example/library" rel="noopener">Wire Agency</a>"#))
            #expect(page.contains(#"<a rel="tag" href="/tag/libraries/">libraries</a>"#))
            #expect(page.contains("Photo by A. Lens"))
            #expect(page.contains("<strong>voted</strong>"))
            server.process.terminate()
            server.process.waitUntilExit()
        }
    }

    @Test("a missing folder is a clear error")
    func missingFolder() throws {
        let result = try CommandLine.run([
            "import", "markdown", "/nonexistent/stories", "--data-dir",
            NSTemporaryDirectory() + "/gz-\(UUID().uuidString)",
        ])
        #expect(result.status != 0)
        #expect(result.errors.contains("The folder /nonexistent/stories does not exist."))
    }
}
