import Foundation
import GazetteContent
import GazetteStorage
import GazetteTestSupport
import Synchronization
import Testing

@Suite("gazette backup and restore")
struct BackupCommandTests {
    /// A fresh folder under the temporary directory, removed after the test.
    static func withFolders(_ count: Int, _ body: ([URL]) async throws -> Void) async throws {
        let base = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("gazette-backup-\(UUID())")
        defer { try? FileManager.default.removeItem(at: base) }
        try await body((0..<count).map { base.appendingPathComponent("f\($0)") })
    }

    static let photo = Data((0..<4_096).map { UInt8($0 % 251) })

    /// A generated site with comments and an uploaded file in `folder`.
    static func makeSite(in folder: URL) throws {
        let made = try CommandLine.run(
            ["generate", "--articles", "30", "--comments", "120", "--data-dir", folder.path])
        #expect(made.status == 0, "\(made.all)")
        let media = folder.appendingPathComponent("media/2026/11")
        try FileManager.default.createDirectory(at: media, withIntermediateDirectories: true)
        try photo.write(to: media.appendingPathComponent("harbour.jpg"))
    }

    /// Everything a reader or moderator sees of the site, to compare two copies.
    static func contents(of folder: URL) async throws -> [String] {
        let database = try await Database.open(
            .sqlite(path: folder.appendingPathComponent("gazette.sqlite").path), logger: TestDatabase.logger)
        let articles = ArticleStore(database: database)
        var lines: [String] = []
        for id in 1...Int64(try await articles.count()) {
            let article = try #require(try await articles.find(id: id))
            lines.append("\(id) \(article.summary.title) \(article.summary.status) \(article.bodyMarkdown.count)")
        }
        for comment in try await CommentStore(database: database).list(status: nil, limit: 1_000) {
            lines.append(
                "c\(comment.id) \(comment.articleID) \(comment.parentID ?? 0) \(comment.status) \(comment.body)")
        }
        await database.close()
        return lines
    }

    @Test("a backup restored into a new folder holds the same articles, comments and media")
    func roundTrip() async throws {
        try await Self.withFolders(3) { folders in
            let (site, backup, restored) = (folders[0], folders[1], folders[2])
            try Self.makeSite(in: site)
            let made = try CommandLine.run(["backup", backup.path, "--data-dir", site.path])
            #expect(made.status == 0, "\(made.all)")
            #expect(made.output.contains("Backed up 30 articles, 120 comments and 1 media files"), "\(made.all)")

            let back = try CommandLine.run(["restore", backup.path, "--data-dir", restored.path])
            #expect(back.status == 0, "\(back.all)")
            #expect(back.output.contains("Restored 30 articles, 120 comments and 1 media files"), "\(back.all)")
            let original = try await Self.contents(of: site)
            #expect(original.count == 150)
            #expect(try await Self.contents(of: restored) == original)
            #expect(try Data(contentsOf: restored.appendingPathComponent("media/2026/11/harbour.jpg")) == Self.photo)
            let check = try CommandLine.run(["check", "--data-dir", restored.path])
            #expect(check.status == 0 && check.output.contains("All good."), "\(check.all)")
        }
    }

    /// Runs the command on a thread of its own, so the test's own tasks keep running meanwhile.
    static func offThePool(_ arguments: [String]) async throws -> CommandLine.Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try CommandLine.run(arguments) })
            }
        }
    }

    @Test("backups taken while articles are being saved describe their own copy, and every one restores")
    func underWriteLoad() async throws {
        try await Self.withFolders(9) { folders in
            let site = folders[0]
            try Self.makeSite(in: site)
            let database = try await Database.open(
                .sqlite(path: site.appendingPathComponent("gazette.sqlite").path), logger: TestDatabase.logger)
            let articles = ArticleStore(database: database)
            let now = Date()
            let saved = Mutex(0)
            let writer = Task {
                var number = 0
                while !Task.isCancelled && number < 5_000 {
                    number += 1
                    let draft = ArticleDraft(
                        title: "Live update \(number)", bodyMarkdown: "Text \(number).", bodyHTML: "<p>Text.</p>",
                        status: .published, publishedAt: now, authorID: 1)
                    _ = try await articles.save(try draft.validated(now: now), now: now, timeZone: .gmt)
                    saved.withLock { $0 = number }
                }
                return number
            }
            var seen = 0
            for attempt in 1...4 {
                // Each backup starts only once more articles were saved since the last one, so the copies are
                // taken while the site is being written to, however slow the machine.
                let deadline = Date().addingTimeInterval(60)
                while saved.withLock({ $0 }) <= seen && Date() < deadline {
                    try await Task.sleep(for: .milliseconds(10))
                }
                seen = saved.withLock { $0 }
                #expect(seen >= attempt, "attempt \(attempt): the writer saved \(seen) articles so far")
                let (backup, restored) = (folders[attempt * 2 - 1], folders[attempt * 2])
                let made = try await Self.offThePool(["backup", backup.path, "--data-dir", site.path])
                #expect(made.status == 0, "\(made.all)")
                let back = try await Self.offThePool(["restore", backup.path, "--data-dir", restored.path])
                #expect(back.status == 0, "attempt \(attempt): \(back.all)")
            }
            writer.cancel()
            _ = try await writer.value
            await database.close()
        }
    }

    @Test(
        "a backup taken while the server answers readers is whole; a restore over the served site waits for it to stop")
    func whileServing() async throws {
        try await Self.withFolders(3) { folders in
            let (site, backup, restored) = (folders[0], folders[1], folders[2])
            try Self.makeSite(in: site)
            let port = try FreePort.find()
            let server = try CommandLine.start(
                ["serve", "--port", String(port), "--data-dir", site.path, "--welcome", "off"])
            defer { if server.process.isRunning { server.process.terminate() } }
            _ = try await HTTPProbe.waitForAnswer("http://127.0.0.1:\(port)/healthz")
            let made = try CommandLine.run(["backup", backup.path, "--data-dir", site.path])
            #expect(made.status == 0, "\(made.all)")
            _ = try await HTTPProbe.get("http://127.0.0.1:\(port)/")
            // Replacing the files under the running server is refused, and says how to stop it first.
            let underServer = try await Self.offThePool(["restore", backup.path, "--data-dir", site.path, "--replace"])
            #expect(underServer.status != 0, "\(underServer.all)")
            #expect(underServer.errors.contains("A gazette serve is running"), "\(underServer.all)")
            #expect(underServer.errors.contains("Stop it first"), "\(underServer.all)")
            let untouched = try FileManager.default.contentsOfDirectory(atPath: site.path)
            #expect(!untouched.contains { $0.contains(".replaced-") }, "\(untouched)")
            #expect(try await HTTPProbe.get("http://127.0.0.1:\(port)/healthz") == "ok\n", "the server serves on")
            server.process.terminate()
            server.process.waitUntilExit()
            #expect(try CommandLine.run(["restore", backup.path, "--data-dir", restored.path]).status == 0)
            #expect(try await Self.contents(of: restored) == (try await Self.contents(of: site)))
            // Once it has stopped, the same restore goes ahead.
            let stopped = try CommandLine.run(["restore", backup.path, "--data-dir", site.path, "--replace"])
            #expect(stopped.status == 0, "\(stopped.all)")
        }
    }

    @Test("refused backups and restores say why and change nothing; --replace keeps the old site aside")
    func refusals() async throws {
        try await Self.withFolders(4) { folders in
            let (site, backup, other, stray) = (folders[0], folders[1], folders[2], folders[3])
            try Self.makeSite(in: site)
            try FileManager.default.createDirectory(at: stray, withIntermediateDirectories: true)
            try Data("notes".utf8).write(to: stray.appendingPathComponent("notes.txt"))
            let intoFullFolder = try CommandLine.run(["backup", stray.path, "--data-dir", site.path])
            #expect(
                intoFullFolder.status != 0 && intoFullFolder.errors.contains("is not empty"), "\(intoFullFolder.all)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: stray.path) == ["notes.txt"])

            let ontoFile = try CommandLine.run(
                ["backup", stray.appendingPathComponent("notes.txt").path, "--data-dir", site.path])
            #expect(ontoFile.status != 0 && ontoFile.errors.contains("is a file"), "\(ontoFile.all)")
            let underFile = try CommandLine.run(
                ["backup", stray.appendingPathComponent("notes.txt/backup").path, "--data-dir", site.path])
            #expect(underFile.status != 0 && underFile.errors.contains("Cannot create the folder"), "\(underFile.all)")

            let notABackup = try CommandLine.run(["restore", stray.path, "--data-dir", other.path])
            #expect(
                notABackup.status != 0 && notABackup.errors.contains("is not a Gazette backup"), "\(notABackup.all)")
            #expect(!FileManager.default.fileExists(atPath: other.path))

            #expect(try CommandLine.run(["backup", backup.path, "--data-dir", site.path]).status == 0)
            let before = try await Self.contents(of: site)
            let overExisting = try CommandLine.run(["restore", backup.path, "--data-dir", site.path])
            #expect(overExisting.status != 0 && overExisting.errors.contains("--replace"), "\(overExisting.all)")
            #expect(try await Self.contents(of: site) == before)

            let replaced = try CommandLine.run(["restore", backup.path, "--data-dir", site.path, "--replace"])
            #expect(replaced.status == 0, "\(replaced.all)")
            let kept = try FileManager.default.contentsOfDirectory(atPath: site.path).filter {
                $0.hasPrefix("gazette.sqlite.replaced-") || $0.hasPrefix("media.replaced-")
            }
            #expect(kept.count == 2, "\(kept)")
            #expect(try await Self.contents(of: site) == before)

            // A damaged copy is refused before the site is touched.
            try Data("SQLite format 3\0 but then nothing".utf8).write(
                to: backup.appendingPathComponent("gazette.sqlite"))
            let damaged = try CommandLine.run(["restore", backup.path, "--data-dir", site.path, "--replace"])
            #expect(damaged.status != 0, "\(damaged.all)")
            #expect(try await Self.contents(of: site) == before)
            try Data("plain text".utf8).write(to: backup.appendingPathComponent("gazette.sqlite"))
            let notSQLite = try CommandLine.run(["restore", backup.path, "--data-dir", other.path])
            #expect(notSQLite.status != 0 && notSQLite.errors.contains("is not an SQLite database"), "\(notSQLite.all)")
        }
    }

    @Test("on PostgreSQL, backup points to pg_dump instead", arguments: TestEngine.available.filter { $0 == .postgres })
    func postgres(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { location in
            try await Self.withFolders(1) { folders in
                let run = try CommandLine.run(
                    ["backup", folders[0].path] + CommandLineTests.databaseArguments(location))
                #expect(run.status != 0 && run.errors.contains("pg_dump"), "\(run.all)")
            }
        }
    }
}
