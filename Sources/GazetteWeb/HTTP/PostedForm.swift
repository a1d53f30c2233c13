import Foundation
import Hummingbird

/// A posted form, whether the browser sent it URL-encoded or as `multipart/form-data` (forms with files).
package struct PostedForm: Sendable {
    package var fields: FormBody
    package var files: [String: UploadedFile] = [:]

    /// Reads the body, refusing more than `limit` bytes and malformed multipart bodies with a 4xx whose
    /// message a person understands.
    package static func read(_ request: inout Request, limit: Int) async throws -> PostedForm {
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw HTTPError(
                .contentTooLarge,
                message: "What you sent is too large: at most \(limit / 1_048_576) MB at once. Go back and send less.")
        }
        let contentType = request.headers[.contentType] ?? ""
        guard let boundary = MultipartForm.boundary(fromContentType: contentType) else {
            return PostedForm(fields: FormBody(String(buffer: buffer)))
        }
        do {
            let form = try MultipartForm(body: Array(buffer.readableBytesView), boundary: boundary)
            return PostedForm(fields: form.fields, files: form.files)
        } catch .tooManyParts {
            throw HTTPError(.badRequest, message: "The form has too many parts. Go back and try again.")
        } catch .malformed(let reason) {
            throw HTTPError(.badRequest, message: "The form could not be read: \(reason)")
        }
    }
}
