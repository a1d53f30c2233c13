import Foundation
import GazetteContent
import GazetteServices
import GazetteWeb
import HTTPTypes
import OpenAPIRuntime

/// Who the Admin API call at hand acts as, for its handler.
enum APIRequest {
    @TaskLocal static var caller: APICaller?

    /// The caller, when their token has `scope` and their role still allows it.
    static func caller(for scope: APIScope) throws(Problem) -> APICaller {
        guard let caller else { throw TokenAuthentication.missing }
        guard caller.token.scopes.contains(scope) else {
            throw Problem(
                .forbidden, code: "missing_scope", detail: "This token lacks the \(scope.rawValue) scope.")
        }
        guard caller.author.role.can(scope.right) else {
            throw Problem(
                .forbidden, code: "role_forbids",
                detail:
                    "\(caller.author.name)’s role (\(caller.author.role.rawValue)) no longer allows \(scope.rawValue).")
        }
        return caller
    }
}

/// Checks the bearer token of every operation the document marks as needing one, counts the call against
/// the token's rate limit, and says where it stands in `RateLimit-*` headers.
struct TokenAuthentication: ServerMiddleware {
    let tokens: APITokens
    let limiter: APIRateLimiter
    let clock: Clock
    /// The operations whose `security` asks for a token.
    let secured: Set<String>

    static let missing = Problem(
        .unauthorized, code: "unauthorized",
        detail: "This operation needs an API token, sent as “Authorization: Bearer gzt_…”.",
        headers: [.wwwAuthenticate: "Bearer"])

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard secured.contains(operationID) else { return try await next(request, body, metadata) }
        guard let header = request.headerFields[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw Self.missing
        }
        let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        guard let caller = try await tokens.authenticate(token) else {
            var refusal = Self.missing
            refusal.detail = "The token is unknown or revoked, or its person can no longer sign in."
            throw refusal
        }
        let verdict = limiter.count(caller.token.id, now: clock.now())
        var headers: HTTPFields = [
            .rateLimitLimit: String(verdict.limit), .rateLimitRemaining: String(verdict.remaining),
            .rateLimitReset: String(verdict.resetSeconds),
        ]
        guard verdict.allowed else {
            headers[.retryAfter] = String(verdict.resetSeconds)
            throw Problem(
                .tooManyRequests, code: "rate_limited",
                detail: "This token made \(verdict.limit) calls this minute; try again in \(verdict.resetSeconds) s.",
                headers: headers)
        }
        var (response, responseBody) = try await APIRequest.$caller.withValue(caller) {
            try await next(request, body, metadata)
        }
        for field in headers { response.headerFields[field.name] = field.value }
        return (response, responseBody)
    }
}

extension HTTPField.Name {
    static let rateLimitLimit = Self("RateLimit-Limit")!
    static let rateLimitRemaining = Self("RateLimit-Remaining")!
    static let rateLimitReset = Self("RateLimit-Reset")!
}
