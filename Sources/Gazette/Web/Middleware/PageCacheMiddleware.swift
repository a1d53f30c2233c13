import CompressNIO
import Foundation
import HTTPTypes
import Hummingbird

/// Serves public pages, feeds and sitemaps from `PageCache`, and fills it on a miss.
///
/// Only answers that are the same for every reader are kept: `CachePolicy` lets through staff, readers
/// with their own comment details or pending comments, and every address outside the public site.
/// Answers come with an ETag, `Vary: Accept-Encoding` and a gzip copy for clients that take it.
struct PageCacheMiddleware<Context: RequestContext>: RouterMiddleware {
    let cache: PageCache

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        guard let key = CachePolicy.key(for: request) else {
            var response = try await next(request, context)
            response.headers[.cacheTags] = nil
            return response
        }
        if let entry = cache.lookup(key) {
            return Self.answer(entry, to: request, outcome: "hit")
        }
        let ticket = cache.ticket()
        var response = try await next(request, context)
        let tags = response.headers[.cacheTags].map { $0.split(separator: " ").map(String.init) } ?? []
        response.headers[.cacheTags] = nil
        // HEAD answers have no body to keep; the GET that follows fills the cache.
        guard request.method == .get, CachePolicy.mayStore(response) else { return response }
        let body = try await ResponseCollector.collect(response.body)
        var headers = response.headers
        headers[.contentLength] = nil
        let eTag = headers[.eTag] ?? ConditionalGet.eTag(of: body.readableBytesView)
        headers[.eTag] = eTag
        if headers[.cacheControl] == nil { headers[.cacheControl] = CachePolicy.pageCacheControl }
        let entry = PageCache.Entry(
            headers: headers, body: body, gzipped: Self.gzipped(body, contentType: headers[.contentType]),
            eTag: eTag)
        cache.store(key, entry, tags: tags, since: ticket)
        return Self.answer(entry, to: request, outcome: "miss")
    }

    /// The entry as an answer to this request: 304 when the client has it, gzip when it takes gzip.
    static func answer(_ entry: PageCache.Entry, to request: Request, outcome: String) -> Response {
        let gzip = entry.gzipped != nil && CachePolicy.acceptsGzip(request)
        var headers = entry.headers
        headers[.vary] = "Accept-Encoding"
        headers[.gazetteCache] = outcome
        // Each encoding is its own representation, so it gets its own validator.
        let eTag = gzip ? gzipTag(entry.eTag) : entry.eTag
        headers[.eTag] = eTag
        if ConditionalGet.isFresh(request, tags: [entry.eTag, gzipTag(entry.eTag)], lastModified: entry.lastModified) {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        let body = gzip ? entry.gzipped! : entry.body
        if gzip { headers[.contentEncoding] = "gzip" }
        headers[.contentLength] = String(body.readableBytes)
        return Response(
            status: .ok, headers: headers, body: request.method == .head ? ResponseBody() : .init(byteBuffer: body))
    }

    static func gzipTag(_ eTag: String) -> String {
        eTag.hasSuffix("\"") ? String(eTag.dropLast()) + "-gz\"" : eTag + "-gz"
    }

    /// Compressed once, when the entry is stored; nil for small or already compressed answers.
    static func gzipped(_ body: ByteBuffer, contentType: String?) -> ByteBuffer? {
        guard body.readableBytes >= 256, let contentType, CachePolicy.compressible(contentType) else { return nil }
        var input = body
        guard let compressed = try? input.compress(with: .gzip()), compressed.readableBytes < body.readableBytes
        else { return nil }
        return compressed
    }
}

/// Reads a response body into one buffer.
enum ResponseCollector {
    private final class Sink: @unchecked Sendable {
        var buffer = ByteBuffer()
    }

    private struct Writer: ResponseBodyWriter {
        let sink: Sink

        mutating func write(_ buffer: ByteBuffer) async throws {
            var buffer = buffer
            sink.buffer.writeBuffer(&buffer)
        }

        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }

    static func collect(_ body: ResponseBody) async throws -> ByteBuffer {
        let sink = Sink()
        try await body.write(Writer(sink: sink))
        return sink.buffer
    }
}

extension HTTPField.Name {
    /// Set by a handler to name what besides the site's content its answer shows ("comments-12"); the
    /// cache keeps it with the entry and removes it from the answer.
    static let cacheTags = Self("X-Gazette-Cache-Tags")!
    /// hit, miss: whether the answer came from the page cache, for operators and benchmarks.
    static let gazetteCache = Self("X-Gazette-Cache")!
}
