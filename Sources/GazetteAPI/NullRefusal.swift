import Foundation
import GazetteWeb
import HTTPTypes
import OpenAPIRuntime

/// Refuses `null` in JSON bodies: the document types no field as nullable, but Swift's decoding reads a null
/// as "left out", so a change sending `"title": null` would be taken as keeping the title. Saying so is
/// clearer than guessing what the sender meant.
struct NullRefusal: ServerMiddleware {
    /// Larger bodies are refused before parsing; an article's Markdown is far smaller.
    static let largestBody = 4 * 1_048_576

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard let body, request.headerFields[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            return try await next(request, body, metadata)
        }
        let bytes: [UInt8]
        do {
            bytes = try await [UInt8](collecting: body, upTo: Self.largestBody)
        } catch {
            throw Problem(
                .contentTooLarge, code: "too_large",
                detail: "JSON bodies up to \(Self.largestBody / 1_048_576) MB are taken.")
        }
        if let object = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]),
            let field = Self.firstNull(in: object, at: "")
        {
            throw Problem.invalid(
                field.isEmpty ? "body" : field,
                "\(field.isEmpty ? "The body" : field) cannot be null; leave a field out to keep its value.")
        }
        return try await next(request, HTTPBody(bytes), metadata)
    }

    static func firstNull(in value: Any, at path: String) -> String? {
        switch value {
        case is NSNull: return path
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                if let found = firstNull(in: object[key]!, at: path.isEmpty ? key : path + "." + key) { return found }
            }
            return nil
        case let list as [Any]:
            for (index, item) in list.enumerated() {
                if let found = firstNull(in: item, at: path + "[\(index)]") { return found }
            }
            return nil
        default: return nil
        }
    }
}
