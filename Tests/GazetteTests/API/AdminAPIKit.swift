import Foundation
import Gazette
import GazetteContent
import GazetteTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import GazetteServices
@testable import GazetteWeb

/// Calls the Admin API with a token, as a program would.
struct TokenClient {
    let site: TestSite
    let token: String

    func call(
        _ method: HTTPRequest.Method, _ path: String, json: [String: Any]? = nil, bytes: [UInt8]? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> Fetched {
        var headers = extra
        headers[.authorization] = "Bearer \(token)"
        var body: ByteBuffer?
        if let json {
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
            headers[.contentType] = "application/json"
        } else if let bytes {
            body = ByteBuffer(bytes: bytes)
            if headers[.contentType] == nil { headers[.contentType] = "application/octet-stream" }
        }
        let response = try await site.client.executeRequest(uri: path, method: method, headers: headers, body: body)
        return Fetched(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }

    func get(_ path: String) async throws -> Fetched { try await call(.get, path) }
    func post(_ path: String, _ json: [String: Any]) async throws -> Fetched { try await call(.post, path, json: json) }
}

/// People of each role, and tokens for them.
enum AdminAPIFixtures {
    static func person(_ services: AppServices, _ name: String, _ role: Role) async throws -> Author {
        let email = name.lowercased().replacingOccurrences(of: " ", with: ".") + ".private@example.com"
        if let existing = try await services.people.find(email: email) { return existing }
        return try await services.authors.create(
            NewAuthor(name: name, email: email, role: role).validated(), now: TestSite.now)
    }

    static func client(
        _ site: TestSite, role: Role, scopes: [APIScope] = [.articlesRead, .articlesWrite]
    ) async throws -> (TokenClient, Author) {
        let name = "\(role.rawValue.capitalized) Person"
        let author = try await person(site.services, name, role)
        let issued = try await site.services.apiTokens.issue(
            name: "Test \(role.rawValue)", scopes: scopes, for: author, by: nil)
        return (TokenClient(site: site, token: issued.token), author)
    }
}
