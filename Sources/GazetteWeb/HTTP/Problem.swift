import Foundation
import HTTPTypes
import Hummingbird

/// An API error as RFC 9457 describes it: a stable `code` for programs, a `detail` for people, and the
/// field at fault. Thrown by API handlers; `ErrorPageMiddleware` answers API addresses with it.
package struct Problem: Error, Sendable, Equatable {
    package var status: HTTPResponse.Status
    package var code: String
    package var detail: String
    package var field: String?
    package var errors: [(field: String, detail: String)]
    package var headers: HTTPFields
    /// Further members of the document, such as `current_revision` on an edit conflict.
    package var extra: [String: Int] = [:]

    package init(
        _ status: HTTPResponse.Status, code: String, detail: String, field: String? = nil,
        errors: [(field: String, detail: String)] = [], headers: HTTPFields = [:]
    ) {
        self.status = status
        self.code = code
        self.detail = detail
        self.field = field
        self.errors = errors
        self.headers = headers
    }

    package static func == (a: Problem, b: Problem) -> Bool {
        a.status == b.status && a.code == b.code && a.detail == b.detail && a.field == b.field
    }

    package static let mediaType = "application/problem+json"

    package static func notFound(_ detail: String) -> Problem { Problem(.notFound, code: "not_found", detail: detail) }

    package static func invalid(_ field: String, _ detail: String) -> Problem {
        Problem(.badRequest, code: "invalid_parameter", detail: detail, field: field)
    }

    /// The document's bytes.
    package var body: Data {
        var document: [String: Any] = [
            "type": "about:blank", "title": status.reasonPhrase, "status": status.code, "detail": detail,
            "code": code,
        ]
        if let field { document["field"] = field }
        if !errors.isEmpty { document["errors"] = errors.map { ["field": $0.field, "detail": $0.detail] } }
        for (name, value) in extra { document[name] = value }
        return (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])) ?? Data()
    }

    /// The problem as a Hummingbird answer, never cached.
    package var response: Response {
        var fields = headers
        fields[.contentType] = Self.mediaType
        fields[.cacheControl] = "no-store"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
