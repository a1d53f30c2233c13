import CompressNIO
import Foundation
import HTTPTypes
import Hummingbird

/// Serves public pages, feeds and sitemaps from `PageCache`, and fills it on a miss.
///
/// Only answers that are the same for every reader are kept: `CachePolicy` lets through staff, readers
/// with their own comment details or pending comments, and every address outside the public site.
/// Answers come with an ETag, `Vary: Accept-Encoding` and a gzip copy for clients that take it.
package struct PageCacheMiddleware<Context: RequestContext>: RouterMiddleware {
    package let cache: PageCache
    package let misses = MissCoalescer()

    package init(cache: PageCache) {
        self.cache = cache
    }

    package func handle(
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
        // HEAD answers have no body to keep, so only GETs take a turn at rendering for others.
        guard request.method == .get else { return try await render(request, context: context, key: key, next: next).0 }
        switch await misses.join(key) {
        case .waited(let entry?):
            return Self.answer(entry, to: request, outcome: "hit")
        case .waited(nil):
            return try await render(request, context: context, key: key, next: next).0
        case .render:
            do {
                let (response, stored) = try await render(request, context: context, key: key, next: next)
                misses.finish(key, with: stored)
                return response
            } catch {
                misses.finish(key, with: nil)
                throw error
            }
        }
    }

    /// Renders the page and keeps it when it may be kept; returns the answer and the entry stored, if any.
    private func render(
        _ request: Request, context: Context, key: String, next: (Request, Context) async throws -> Response
    ) async throws -> (Response, PageCache.Entry?) {
        let ticket = cache.ticket()
        var response = try await next(request, context)
        let tags = response.headers[.cacheTags].map { $0.split(separator: " ").map(String.init) } ?? []
        response.headers[.cacheTags] = nil
        guard request.method == .get, CachePolicy.mayStore(response) else { return (response, nil) }
        let body = try await ResponseCollector.collect(response.body)
        let entry = Self.entry(headers: response.headers, body: body)
        let stored = cache.store(key, entry, tags: tags, since: ticket)
        return (Self.answer(entry, to: request, outcome: "miss"), stored ? entry : nil)
    }

    /// An answer ready to send as it is: the headers for the plain and the gzip bytes are made here, once,
    /// so a cache hit only picks one set. Each encoding is its own representation with its own validator.
    package static func entry(headers: HTTPFields, body collected: ByteBuffer) -> PageCache.Entry {
        var headers = headers
        // The collected body grew by doubling and the compressor's output is sized for the worst case; fresh
        // copies hold the next power of two above their length instead (NIO rounds every buffer so).
        let body = Self.tightCopy(collected)
        let eTag = headers[.eTag] ?? ConditionalGet.eTag(of: body.readableBytesView)
        headers[.eTag] = eTag
        if headers[.cacheControl] == nil { headers[.cacheControl] = CachePolicy.pageCacheControl }
        headers[.vary] = "Accept-Encoding"
        headers[.gazetteCache] = "hit"
        headers[.contentLength] = String(body.readableBytes)
        let gzipped = Self.gzipped(body, contentType: headers[.contentType])
        var gzipHeaders: HTTPFields?
        if let gzipped {
            var variant = headers
            variant[.eTag] = gzipTag(eTag)
            variant[.contentEncoding] = "gzip"
            variant[.contentLength] = String(gzipped.readableBytes)
            gzipHeaders = variant
        }
        return PageCache.Entry(headers: headers, body: body, gzipped: gzipped, gzipHeaders: gzipHeaders, eTag: eTag)
    }

    /// The entry as an answer to this request: 304 when the client has it, gzip when it takes gzip.
    package static func answer(_ entry: PageCache.Entry, to request: Request, outcome: String) -> Response {
        let gzip = entry.gzipped != nil && CachePolicy.acceptsGzip(request)
        var headers = gzip ? entry.gzipHeaders ?? entry.headers : entry.headers
        if outcome != "hit" { headers[.gazetteCache] = outcome }
        if request.headers[.ifNoneMatch] != nil || request.headers[.ifModifiedSince] != nil,
            ConditionalGet.isFresh(request, tags: [entry.eTag, gzipTag(entry.eTag)], lastModified: entry.lastModified)
        {
            headers[.contentType] = nil
            headers[.contentLength] = nil
            headers[.contentEncoding] = nil
            return Response(status: .notModified, headers: headers)
        }
        let body = gzip ? entry.gzipped! : entry.body
        return Response(
            status: .ok, headers: headers, body: request.method == .head ? ResponseBody() : .init(byteBuffer: body))
    }

    package static func gzipTag(_ eTag: String) -> String {
        eTag.hasSuffix("\"") ? String(eTag.dropLast()) + "-gz\"" : eTag + "-gz"
    }

    /// Compressed once, when the entry is stored; nil for small or already compressed answers.
    package static func gzipped(_ body: ByteBuffer, contentType: String?) -> ByteBuffer? {
        guard body.readableBytes >= 256, let contentType, CachePolicy.compressible(contentType) else { return nil }
        var input = body
        guard let compressed = try? input.compress(with: .gzip()), compressed.readableBytes < body.readableBytes
        else { return nil }
        return tightCopy(compressed)
    }

    package static func tightCopy(_ buffer: ByteBuffer) -> ByteBuffer {
        var copy = ByteBufferAllocator().buffer(capacity: buffer.readableBytes)
        copy.writeImmutableBuffer(buffer)
        return copy
    }
}

/// Reads a response body into one buffer.
package enum ResponseCollector {
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

    package static func collect(_ body: ResponseBody) async throws -> ByteBuffer {
        let sink = Sink()
        try await body.write(Writer(sink: sink))
        return sink.buffer
    }
}

extension HTTPField.Name {
    /// Set by a handler to name what besides the site's content its answer shows ("comments-12"); the
    /// cache keeps it with the entry and removes it from the answer.
    package static let cacheTags = Self("X-Gazette-Cache-Tags")!
    /// hit, miss: whether the answer came from the page cache, for operators and benchmarks.
    package static let gazetteCache = Self("X-Gazette-Cache")!
}
