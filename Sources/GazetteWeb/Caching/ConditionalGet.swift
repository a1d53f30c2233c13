import Crypto
import Foundation
import GazetteServices
import HTTPTypes
import Hummingbird

/// Answers for documents that readers' software fetches again and again (feeds, sitemaps): an ETag from the
/// bytes, Last-Modified from the content, and 304 Not Modified when the client already has them.
package enum ConditionalGet {
    package static func respond(
        _ body: String, contentType: String, lastModified: Date, request: Request, maxAge: Int = 300
    ) -> Response {
        let bytes = Array(body.utf8)
        let tag = eTag(of: bytes)
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.eTag] = tag
        headers[.lastModified] = HTTPDate.string(lastModified)
        headers[.cacheControl] = "public, max-age=\(maxAge)"
        if isFresh(request, tags: [tag], lastModified: lastModified) {
            // A 304 may only state the length of the representation it stands for.
            headers[.contentLength] = String(bytes.count)
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A strong validator from the bytes: the first 12 bytes of their SHA-256, in hex and quotes.
    package static func eTag(of bytes: some DataProtocol) -> String {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var text: [UInt8] = [UInt8(ascii: "\"")]
        for byte in SHA256.hash(data: bytes).prefix(12) {
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0F)])
        }
        text.append(UInt8(ascii: "\""))
        return String(decoding: text, as: UTF8.self)
    }

    /// Whether the client already holds the answer: If-None-Match decides when present (any of `tags`,
    /// weak or strong, or `*`); otherwise If-Modified-Since, to the second.
    package static func isFresh(_ request: Request, tags: [String], lastModified: Date?) -> Bool {
        if let given = request.headers[.ifNoneMatch] {
            return given.split(separator: ",").contains { candidate in
                let tag = candidate.trimmingCharacters(in: .whitespaces)
                let strong = tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
                return tag == "*" || tags.contains(strong)
            }
        }
        if let lastModified, let given = request.headers[.ifModifiedSince], let since = HTTPDate.parse(given) {
            return lastModified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
        }
        return false
    }
}
