import Foundation
import HTTPTypes
import Hummingbird

/// What the editor's script hears back from an autosave: when the copy was kept, and a line to show.
enum AutosaveAnswer {
    private struct Body: Encodable {
        let kept: String?
        let message: String
    }

    static func json(_ status: HTTPResponse.Status, kept: String?, message: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        let data = (try? JSONEncoder().encode(Body(kept: kept, message: message))) ?? Data("{}".utf8)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
