import Foundation
import GazetteWeb
import HTTPTypes
import Logging
import OpenAPIRuntime

/// Answers the generated code's errors with problem documents: a `Problem` a handler threw goes out as it
/// is; input the generated code could not read becomes a 4xx naming the field; anything else is the
/// server's fault, logged with its cause and answered with a plain 500. Outermost of the API's middleware
/// (whatever a middleware throws, the generated code wraps again).
struct ProblemTranslation: ServerMiddleware {
    let logger: Logger
    let parameters: ParameterRules

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        do {
            return try await next(request, body, metadata)
        } catch {
            var problem = problem(for: error, operationID: operationID)
            if problem.code == "invalid_request", problem.field == nil,
                let (name, detail) = parameters.firstRefusal(
                    operationID: operationID, request: request, metadata: metadata)
            {
                problem = Problem.invalid(name, detail)
            }
            var head = HTTPResponse(status: problem.status, headerFields: problem.headers)
            head.headerFields[.contentType] = Problem.mediaType
            head.headerFields[.cacheControl] = "no-store"
            return (head, HTTPBody(problem.body))
        }
    }

    private func problem(for error: any Error, operationID: String) -> Problem {
        var cause: any Error = error
        var status = HTTPResponse.Status.internalServerError
        var description = ""
        while let wrapped = cause as? ServerError {
            cause = wrapped.underlyingError
            status = wrapped.httpStatus
            description = wrapped.causeDescription
        }
        if let problem = cause as? Problem { return problem }
        if (400..<500).contains(status.code) {
            return Self.problem(status: status, cause: description, error: cause)
        }
        logger.error("API operation \(operationID) failed: \(String(reflecting: cause))")
        return .internalError
    }

    static func problem(status: HTTPResponse.Status, cause: String, error: any Error) -> Problem {
        let code =
            switch status {
            case .unsupportedMediaType: "unsupported_media_type"
            case .notAcceptable: "not_acceptable"
            default: "invalid_request"
            }
        guard let decoding = error as? DecodingError else {
            return Problem(status, code: code, detail: cause)
        }
        let (path, detail) = Self.describe(decoding)
        let field = path.isEmpty ? nil : path
        return Problem(status, code: code, detail: detail, field: field)
    }

    /// The field a decoding error is about, dotted, and a sentence saying what is wrong with it.
    static func describe(_ error: DecodingError) -> (String, String) {
        func dotted(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
                .replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = dotted(context.codingPath + [key])
            return (field, "\(field) is required.")
        case .typeMismatch(let type, let context):
            let field = dotted(context.codingPath)
            if field.isEmpty { return ("", "A value should be \(Self.name(of: type)), and is not.") }
            return (field, "\(field) should be \(Self.name(of: type)).")
        case .valueNotFound(let type, let context):
            let field = dotted(context.codingPath)
            return (field, "\(field.isEmpty ? "A value" : field) should be \(Self.name(of: type)), not null.")
        case .dataCorrupted(let context):
            let field = dotted(context.codingPath)
            if field.isEmpty { return ("", "The body is not valid JSON, or a value is not in the form it takes.") }
            return (field, "\(field) is not a value it takes.")
        @unknown default:
            return ("", "The request could not be read.")
        }
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type, is Int32.Type: "a whole number"
        case is Double.Type, is Float.Type: "a number"
        case is [Any].Type: "a list"
        default: "an object"
        }
    }
}
