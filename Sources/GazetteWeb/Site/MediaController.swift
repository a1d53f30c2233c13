import Foundation
import GazetteContent
import GazetteServices
import HTTPTypes
import Hummingbird

/// Serves uploaded images from the media folder. Stored names never change, so answers are cached for a
/// year; an ETag lets a browser or a CDN revalidate cheaply.
package struct MediaController: Sendable {
    package let library: MediaLibrary
    package let files = FileIO()

    package init(library: MediaLibrary) {
        self.library = library
    }

    package func respond(to request: Request, path: String, context: GazetteRequestContext) async throws -> Response {
        guard let url = library.fileURL(for: path),
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
            let size = (attributes[.size] as? NSNumber)?.intValue,
            let modified = attributes[.modificationDate] as? Date
        else { throw HTTPError(.notFound) }
        let format = ImageFormat.allCases.first { $0.fileExtension == url.pathExtension }
        let tag = "\"\(String(size, radix: 16))-\(String(Int(modified.timeIntervalSince1970), radix: 16))\""
        var headers = HTTPFields()
        headers[.contentType] = format?.mimeType ?? "application/octet-stream"
        headers[.cacheControl] = "public, max-age=31536000, immutable"
        headers[.eTag] = tag
        headers[.lastModified] = HTTPDate.string(modified)
        if let given = request.headers[.ifNoneMatch],
            given.split(separator: ",").contains(where: {
                $0.trimmingCharacters(in: .whitespaces) == tag
            })
        {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(size)
        let body = try await files.loadFile(path: url.path, context: context)
        return Response(status: .ok, headers: headers, body: body)
    }
}
