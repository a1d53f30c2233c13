import Foundation
import GazetteStorage
import GazetteTestSupport
import Testing

@testable import GazetteServices

@Suite("The gazette command")
struct CommandLineTests {
    /// `--database` for the engine, so each test has its own fresh database.
    static func databaseArguments(_ location: DatabaseLocation) -> [String] {
        switch location {
        case .sqlite(let path): ["--database", "sqlite:\(path)"]
        case .postgres(let address):
            ["--database", "postgres://\(address.username)@\(address.host):\(address.port)/\(address.database)"]
        }
    }

    @Test("--help lists the commands")
    func help() throws {
        let result = try CommandLine.run(["--help"])
        #expect(result.status == 0)
        for command in ["serve", "migrate", "check", "user", "import"] { #expect(result.output.contains(command)) }
    }

    @Test("migrate applies the schema once, then reports it up to date", arguments: TestEngine.available)
    func migrate(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { location in
            let database = Self.databaseArguments(location)
            let first = try CommandLine.run(["migrate"] + database)
            #expect(first.status == 0, "\(first.all)")
            #expect(first.output.contains("Applied"))
            let second = try CommandLine.run(["migrate"] + database)
            #expect(second.output.contains("up to date"))
            let check = try CommandLine.run(["check"] + database)
            #expect(check.status == 0 && check.output.contains("All good."), "\(check.all)")
        }
    }

    @Test("user add creates bylines and explains every mistake", arguments: TestEngine.available)
    func userAdd(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { location in
            let database = Self.databaseArguments(location)
            let added = try CommandLine.run(
                ["user", "add", "--name", "Jane Doe", "--email", "Jane@Example.com", "--role", "editor"] + database)
            #expect(added.status == 0, "\(added.all)")
            #expect(added.output.contains("Added Jane Doe <jane@example.com> as editor, at /author/jane-doe/"))
            let duplicate = try CommandLine.run(
                ["user", "add", "--name", "Jane Again", "--email", "jane@example.com"] + database)
            #expect(duplicate.status != 0)
            #expect(duplicate.errors.contains("already exists"))
            let badEmail = try CommandLine.run(["user", "add", "--name", "X", "--email", "not-an-email"] + database)
            #expect(badEmail.status != 0)
            #expect(badEmail.errors.contains("does not look like an email address"))
            let badRole = try CommandLine.run(
                ["user", "add", "--name", "X", "--email", "x@y.com", "--role", "king"] + database)
            #expect(badRole.status != 0)
            #expect(badRole.errors.contains("king"))
            let list = try CommandLine.run(["user", "list"] + database)
            #expect(list.output.contains("editor\tJane Doe <jane@example.com>"))
            let reset = try CommandLine.run(
                ["user", "reset-password", "--email", "jane@example.com", "--base-url", "https://news.example.com"]
                    + database)
            #expect(reset.status == 0, "\(reset.all)")
            #expect(reset.output.contains("https://news.example.com/admin/reset/"))
            let nobody = try CommandLine.run(["user", "reset-password", "--email", "nobody@example.com"] + database)
            #expect(nobody.status != 0 && nobody.errors.contains("There is no user with the email"))
        }
    }

    @Test("bad settings and unusable database locations give a clear error, not a crash")
    func badConfiguration() throws {
        let unwritable = try CommandLine.run(["migrate", "--data-dir", "/proc/gazette-cannot-write"])
        #expect(unwritable.status != 0)
        #expect(unwritable.errors.contains("data folder"), "\(unwritable.all)")
        #expect(!unwritable.all.contains("Fatal error"))
        let badURL = try CommandLine.run(["migrate", "--database", "mysql://localhost/x"])
        #expect(badURL.status != 0)
        #expect(badURL.errors.contains("GAZETTE_DATABASE_URL"))
        let badPort = try CommandLine.run(["serve", "--port", "99999", "--data-dir", NSTemporaryDirectory()])
        #expect(badPort.status != 0)
        #expect(badPort.errors.contains("--port"))
        let badEnvironment = try CommandLine.run(["migrate"], environment: ["GAZETTE_DATABASE_URL": "postgres://"])
        #expect(badEnvironment.status != 0)
        #expect(badEnvironment.errors.contains("PostgreSQL URL"))
    }

    @Test("every command the welcome article names exists")
    func welcomeCommandsExist() throws {
        let texts = [WelcomeArticle.body] + WelcomeArticle.companions.map(\.body)
        var named: Set<[String]> = []
        for text in texts {
            for part in text.components(separatedBy: "`gazette ").dropFirst() {
                let words = part.prefix { $0 != "`" }.split(separator: " ").prefix(2).map(String.init)
                // Subcommands are lowercase words; arguments (FOLDER, export.xml, --flags) stop the name.
                let command = words.prefix { $0.allSatisfy(\.isLowercase) && !$0.contains(".") }
                if !command.isEmpty { named.insert(Array(command)) }
            }
        }
        #expect(named.count >= 4, "\(named)")
        for command in named {
            let help = try CommandLine.run(command + ["--help"])
            #expect(help.status == 0, "gazette \(command.joined(separator: " ")): \(help.all)")
        }
    }

    @Test("serve answers on 127.0.0.1 and stops cleanly on SIGTERM", arguments: TestEngine.available)
    func serve(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { location in
            let port = try FreePort.find()
            let server = try CommandLine.start(
                [
                    "serve", "--port", String(port), "--data-dir", NSTemporaryDirectory(),
                    "--base-url", "https://news.example.test",
                ]
                    + Self.databaseArguments(location))
            defer { if server.process.isRunning { server.process.terminate() } }
            let health = try await HTTPProbe.waitForAnswer("http://127.0.0.1:\(port)/healthz")
            #expect(health == "ok\n")
            let home = try await HTTPProbe.get("http://127.0.0.1:\(port)/")
            #expect(home.contains("Welcome to Gazette"))
            server.process.terminate()
            server.process.waitUntilExit()
            let result = server.result()
            #expect(result.status == 0, "\(result.all)")
            #expect(result.output.contains("Create the first admin account here"), "\(result.all)")
            #expect(result.output.contains("https://news.example.test/admin/setup/"))

            // A link printed later by a command without --base-url points at the address the server served.
            let database = Self.databaseArguments(location)
            let added = try CommandLine.run(
                ["user", "add", "--name", "Rae Reporter", "--email", "rae@example.com", "--role", "author"] + database)
            #expect(added.status == 0, "\(added.all)")
            let reset = try CommandLine.run(["user", "reset-password", "--email", "rae@example.com"] + database)
            #expect(reset.status == 0, "\(reset.all)")
            #expect(reset.output.contains("https://news.example.test/admin/reset/"), "\(reset.all)")
            let given = try CommandLine.run(
                ["user", "reset-password", "--email", "rae@example.com", "--base-url", "https://other.example.test"]
                    + database)
            #expect(given.output.contains("https://other.example.test/admin/reset/"), "\(given.all)")
        }
    }
}
