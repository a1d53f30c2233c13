import Foundation
import Gazette
import GazetteContent
import GazetteStorage
import GazetteTestSupport
import Testing

@testable import GazetteServices

@Suite("Webhooks: a killed server loses nothing")
struct WebhookCrashTests {
    @Test(
        "deliveries queued while the receiver is down survive kill -9 and all arrive once it is up",
        arguments: TestEngine.available)
    func killed(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrated: true) { location in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hooks-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let database = CommandLineTests.databaseArguments(location)
            let receiverPort = try FreePort.find()
            let setting = try CommandLine.run(["settings", "set", "site.webhooks_private", "on"] + database)
            #expect(setting.status == 0, "\(setting.all)")

            // The newsroom's side, in this process: an endpoint, and articles published as the server runs.
            var configuration = GazetteConfiguration(
                dataDirectory: folder.path, database: location, baseURL: "https://news.example.com")
            configuration.writesWelcomeArticle = false
            let services = try await AppServices.open(configuration, logger: TestDatabase.logger, bcryptCost: 4)
            do {
                try await Self.run(services, database: database, folder: folder, receiverPort: receiverPort)
                await services.close()
            } catch {
                await services.close()
                throw error
            }
        }
    }

    static func run(_ services: AppServices, database: [String], folder: URL, receiverPort: Int) async throws {
        do {
            let endpoint = try await services.webhooks.register(
                WebhookEndpointForm(url: "http://127.0.0.1:\(receiverPort)/in", events: [.articlePublished]))
            let author = try await services.authors.create(
                NewAuthor(name: "Kim Desk", email: "kim@example.com", role: .author).validated(), now: Date())
            func publish(_ count: Int, from: Int) async throws {
                for number in from..<(from + count) {
                    try await services.publishing.save(
                        ArticleDraft(
                            title: "Bulletin \(number)", bodyMarkdown: "Text.", status: .published,
                            publishedAt: Date().addingTimeInterval(-60), authorID: author.id))
                }
            }

            let port = try FreePort.find()
            let arguments = ["serve", "--port", String(port), "--data-dir", folder.path, "--welcome", "off"] + database
            let environment = ["GAZETTE_WEBHOOK_RETRIES": "1"]
            let first = try CommandLine.start(arguments, environment: environment)
            _ = try await HTTPProbe.waitForAnswer("http://127.0.0.1:\(port)/healthz")
            try await publish(4, from: 1)
            // The server tries each (connection refused) before it is killed, preferably between two tries: a
            // delivery it holds at the moment of the kill waits out its claim (60 s) first. That case is also
            // tested with a clock moved by hand (WebhookDeliveryTests).
            var tried = false
            for _ in 0..<200 where !tried {
                try await Task.sleep(for: .milliseconds(20))
                tried = try await services.webhooks.deliveries(endpointID: endpoint).allSatisfy {
                    $0.attempts > 0 && $0.status == "waiting"
                }
            }
            #expect(tried, "the running server tried every delivery")
            first.process.kill()
            first.process.waitUntilExit()
            try await publish(3, from: 5)
            let queued = Set(try await services.webhooks.deliveries(endpointID: endpoint).map(\.key))
            #expect(queued.count == 7)

            let second = try CommandLine.start(arguments, environment: environment)
            defer {
                second.process.terminate()
                second.process.waitUntilExit()
            }
            _ = try await HTTPProbe.waitForAnswer("http://127.0.0.1:\(port)/healthz")
            let receiver = try WebhookReceiver(port: receiverPort)
            defer { receiver.stop() }
            // A delivery whose claim the killed server held waits out its claim (60 s) before it is sent.
            let deadline = Date().addingTimeInterval(90)
            var arrived: Set<String> = []
            while arrived.count < queued.count && Date() < deadline {
                try await Task.sleep(for: .milliseconds(100))
                arrived = Set(receiver.received().compactMap { $0.header("Gazette-Delivery") })
            }
            #expect(arrived == queued, "every queued delivery arrived")
            let secret = try #require(try await services.webhooks.endpoint(id: endpoint)).secret
            #expect(receiver.received().allSatisfy { $0.signatureVerifies(secret: secret) })
        }
    }
}
