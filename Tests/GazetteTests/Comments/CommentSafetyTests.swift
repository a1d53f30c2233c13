import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import Testing

@testable import GazetteServices
@testable import GazetteWeb

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("Comment safety and durability")
struct CommentSafetyTests {
    typealias Fixtures = CommentFixtures

    @Test(
        "hostile names, websites and comments are never rendered unescaped and never cause a 5xx",
        arguments: TestEngine.available)
    func hostileInput(engine: TestEngine) async throws {
        #expect(HostileInput.xss.count >= 60)
        try await TestSite.run(
            engine, seed: Fixtures.seed(["comments.policy": "approve-all", "comments.max_links": "100"])
        ) {
            site in
            for (index, payload) in (HostileInput.xss + HostileInput.sql).enumerated() {
                for field in ["author", "url", "comment"] {
                    var reader = Reader(site: site, name: "Reader \(index)", email: "r\(index)-\(field)@example.com")
                    let answer = try await reader.comment(
                        on: Fixtures.article, "Comment \(index) \(field)", overrides: [field: payload])
                    #expect(answer.status.code < 500, "\(field): \(payload)")
                    Self.expectSafe(answer.body, payload: payload)
                }
            }
            for path in [Fixtures.article, Fixtures.article + "?cpage=2", "/"] {
                let page = try await site.get(path)
                #expect(page.status.code < 500)
                for payload in HostileInput.xss { Self.expectSafe(page.body, payload: payload) }
            }
            // SQL injection stayed text: every table is still there and counted right.
            let stored = try await site.services.comments.list(status: nil, limit: 1_000)
            #expect(stored.contains { $0.body == "'; DROP TABLE comments; --" })
            #expect(try await site.services.articles.count() > 0)
        }
    }

    /// No tag or attribute the reader wrote may survive: the page holds no script at all, no javascript:
    /// link, and no hostile payload in its raw form.
    static func expectSafe(_ html: String, payload: String) {
        // The page's own JSON-LD block is data, not script, and holds no reader input; it is checked apart.
        var lower = html.lowercased()
        let opening = "<script type=\"application/ld+json\">"
        while let start = lower.range(of: opening), let end = lower[start.upperBound...].range(of: "</script>") {
            #expect(!lower[start.upperBound..<end.lowerBound].contains("<"), "JSON-LD stays free of markup")
            lower.removeSubrange(start.lowerBound..<end.upperBound)
        }
        #expect(!lower.contains("<script"), "a script element appeared for \(payload)")
        #expect(!lower.contains("href=\"javascript:"), "a javascript: link appeared for \(payload)")
        #expect(!lower.contains("<svg"), "an svg element appeared for \(payload)")
        #expect(!lower.contains("<iframe"), "an iframe appeared for \(payload)")
        if payload.contains(where: { "<>\"".contains($0) }) {
            #expect(!html.contains(payload), "the payload was rendered raw: \(payload)")
        }
    }

    @Test(
        "1,000 comments from 50 concurrent clients are each stored exactly once, counts right",
        arguments: TestEngine.available)
    func concurrentPosting(engine: TestEngine) async throws {
        try await TestSite.run(engine, seed: Fixtures.seed(["comments.policy": "approve-all"])) { site in
            let port = try #require(site.client.port)
            let page = try await site.get(Fixtures.article)
            let articleID = Reader.field("article_id", in: page.body)
            let token = Reader.field("form_token", in: page.body)
            let configuration = URLSessionConfiguration.ephemeral
            configuration.httpMaximumConnectionsPerHost = 50
            let session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
            let clients = 50
            let perClient = 20
            let statuses = try await withThrowingTaskGroup(of: [Int].self) { group in
                for client in 0..<clients {
                    group.addTask {
                        var codes: [Int] = []
                        for number in 0..<perClient {
                            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/comments")!)
                            request.httpMethod = "POST"
                            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
                            let fields = [
                                "article_id": articleID, "parent_id": "0", "form_token": token,
                                "author": "Client \(client)", "email": "client\(client)@example.com",
                                "comment": "Comment \(number) from client \(client)",
                            ]
                            request.httpBody = Data(
                                fields.map { "\($0.key)=\(TestSite.encode($0.value))" }.joined(separator: "&").utf8)
                            let (_, response) = try await session.data(for: request)
                            codes.append((response as? HTTPURLResponse)?.statusCode ?? 0)
                        }
                        return codes
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(statuses.count == clients * perClient)
            #expect(
                statuses.allSatisfy { $0 == 303 }, "\(Dictionary(grouping: statuses, by: { $0 }).mapValues(\.count))")
            let stored = try await site.services.comments.list(status: nil, limit: 5_000)
            #expect(stored.count == clients * perClient)
            #expect(Set(stored.map(\.body)).count == clients * perClient)
            let id = try #require(Int64(articleID))
            let article = try #require(try await site.services.articles.find(id: id))
            #expect(article.commentCount == clients * perClient)
        }
    }
}

/// Keeps URLSession from following the 303, so the test sees the answer the server gave.
final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
