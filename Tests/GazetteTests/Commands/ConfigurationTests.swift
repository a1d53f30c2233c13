import Foundation
import Gazette
import GazetteStorage
import Testing

@testable import GazetteServices
@testable import GazetteWeb

@Suite("Configuration")
struct ConfigurationTests {
    @Test("flags win over environment variables, which win over the settings file, which wins over defaults")
    func precedence() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-\(UUID().uuidString).yml")
        try "port: 9001\nsite-title: From the file\ntime-zone: Europe/Paris\n".write(
            to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let configuration = try ConfigurationLoader(
            flags: ["port": "9003", "config": file.path],
            environment: ["GAZETTE_PORT": "9002", "GAZETTE_SITE_TITLE": "From the environment"]
        ).load()
        #expect(configuration.port == 9003)
        #expect(configuration.siteTitle == "From the environment")
        #expect(configuration.timeZone.identifier == "Europe/Paris")
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.database == .sqlite(path: "./gazette-data/gazette.sqlite"))
    }

    @Test("each bad setting names its flag, its variable and an example")
    func errors() throws {
        let cases: [([String: String], [String: String], String)] = [
            (["port": "http"], [:], "--port"),
            ([:], ["GAZETTE_PORT": "70000"], "GAZETTE_PORT"),
            ([:], ["GAZETTE_TIME_ZONE": "Mars/Olympus"], "GAZETTE_TIME_ZONE"),
            (["base-url": "news.example.com"], [:], "--base-url"),
            (["theme": "/no/such/theme"], [:], "--theme"),
            (["config": "/no/such/file.yml"], [:], "GAZETTE_CONFIG"),
            (["database": "oracle://x"], [:], "GAZETTE_DATABASE_URL"),
        ]
        for (flags, environment, mention) in cases {
            do {
                _ = try ConfigurationLoader(flags: flags, environment: environment).load()
                Issue.record("expected an error mentioning \(mention)")
            } catch {
                #expect(error.description.contains(mention), "\(error.description)")
                #expect(error.description.contains("for example"))
            }
        }
    }

    @Test("a settings file with an unknown name is refused with the known names")
    func unknownFileSetting() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-\(UUID().uuidString).yml")
        try "prot: 8080\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader(flags: ["config": file.path]).load() }
    }
}
