import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import HTTPTypes
import Testing

@testable import GazetteServices
@testable import GazetteWeb

/// The sample site plus what the reading API must never list (a scheduled, a trashed article), a standing
/// page, and a person who has published nothing.
enum WordPressFixtures {
    static let api = "/wp-json/wp/v2"

    static func seed(_ settings: [String: String] = [:]) -> @Sendable (AppServices) async throws -> Void {
        { services in
            try await CommentFixtures.seed(settings)(services)
            let jane = try #require(try await services.authors.find(slug: Slug(trusted: "jane-doe")))
            try await services.publishing.save(
                ArticleDraft(
                    title: "About the Times", bodyMarkdown: "Who we are.", status: .published,
                    publishedAt: TestSite.now.addingTimeInterval(-86_400), authorID: jane.id, kind: .page))
            try await services.publishing.save(
                ArticleDraft(
                    title: "Tomorrow's story", bodyMarkdown: "Not out yet.", status: .scheduled,
                    publishedAt: TestSite.now.addingTimeInterval(86_400), authorID: jane.id, category: "Local"))
            try await services.publishing.save(
                ArticleDraft(
                    title: "Binned story", bodyMarkdown: "Gone.", status: .trashed,
                    publishedAt: TestSite.now.addingTimeInterval(-600), authorID: jane.id, tags: ["Council"]))
            _ = try await services.authors.create(
                NewAuthor(name: "Quiet Contributor", email: "quiet.private@example.com", role: .contributor)
                    .validated(), now: TestSite.now)
        }
    }
}

/// A JSON answer of the API, parsed.
struct WPFetched {
    let page: Fetched
    let json: Any

    var status: HTTPResponse.Status { page.status }
    var headers: HTTPFields { page.headers }
    var list: [[String: Any]] { json as? [[String: Any]] ?? [] }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
    var code: String? { object["code"] as? String }

    func header(_ name: String) -> String? { headers[HTTPField.Name(name)!] }
}

extension TestSite {
    /// Fetches an API address and parses its JSON (every answer of the API, errors too, is JSON).
    func wp(_ path: String, headers: HTTPFields = [:]) async throws -> WPFetched {
        let page = try await get(path.hasPrefix("/wp-json") ? path : WordPressFixtures.api + path, headers: headers)
        let json =
            page.body.isEmpty ? [String: Any]() : try JSONSerialization.jsonObject(with: Data(page.body.utf8))
        return WPFetched(page: page, json: json)
    }
}

extension Dictionary where Key == String, Value == Any {
    func string(_ key: String) -> String? { self[key] as? String }
    func int(_ key: String) -> Int64? { (self[key] as? NSNumber)?.int64Value }
    func rendered(_ key: String) -> String? { (self[key] as? [String: Any])?["rendered"] as? String }
    func ids(_ key: String) -> [Int64] { (self[key] as? [NSNumber])?.map(\.int64Value) ?? [] }
    func object(_ key: String) -> [String: Any] { self[key] as? [String: Any] ?? [:] }
}
