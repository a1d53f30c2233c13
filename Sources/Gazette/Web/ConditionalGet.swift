import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// Answers for documents that readers' software fetches again and again (feeds, sitemaps): an ETag from the
/// bytes, Last-Modified from the content, and 304 Not Modified when the client already has them.
enum ConditionalGet {
    static func respond(
        _ body: String, contentType: String, lastModified: Date, request: Request, maxAge: Int = 300
    ) -> Response {
        let bytes = Array(body.utf8)
        let digest = SHA256.hash(data: bytes).prefix(12).map { String(format: "%02x", $0) }.joined()
        let tag = "\"\(digest)\""
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.eTag] = tag
        headers[.lastModified] = HTTPDate.string(lastModified)
        headers[.cacheControl] = "public, max-age=\(maxAge)"
        if isFresh(request, tag: tag, lastModified: lastModified) {
            // A 304 may only state the length of the representation it stands for.
            headers[.contentLength] = String(bytes.count)
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// If-None-Match decides when present; otherwise If-Modified-Since, to the second.
    static func isFresh(_ request: Request, tag: String, lastModified: Date) -> Bool {
        if let given = request.headers[.ifNoneMatch] {
            return given.split(separator: ",").contains {
                let candidate = $0.trimmingCharacters(in: .whitespaces)
                return candidate == tag || candidate == "W/" + tag || candidate == "*"
            }
        }
        if let given = request.headers[.ifModifiedSince], let since = HTTPDate.parse(given) {
            return lastModified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
        }
        return false
    }
}
