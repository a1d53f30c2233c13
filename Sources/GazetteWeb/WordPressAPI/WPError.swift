import Foundation
import HTTPTypes
import Hummingbird

/// An error as WordPress's REST API states it: `{"code", "message", "data": {"status", "params"}}`. The
/// codes are WordPress's own, so clients written for WordPress recognise them.
struct WPError: Error, Sendable, Encodable {
    struct Details: Sendable, Encodable {
        var status: Int
        /// For `rest_invalid_param`: each bad parameter with what is wrong with it.
        var params: [String: String]?
    }

    var code: String
    var message: String
    var data: Details

    init(_ status: HTTPResponse.Status, code: String, message: String, params: [String: String]? = nil) {
        self.code = code
        self.message = message
        data = Details(status: status.code, params: params)
    }

    /// A parameter WordPress would refuse, with a sentence saying what it accepts.
    static func invalidParameter(_ name: String, _ problem: String) -> WPError {
        WPError(
            .badRequest, code: "rest_invalid_param", message: "Invalid parameter(s): \(name). \(problem)",
            params: [name: problem])
    }

    static func pagePastEnd() -> WPError {
        WPError(
            .badRequest, code: "rest_post_invalid_page_number",
            message: "The page number requested is larger than the number of pages available.")
    }

    static let noRoute = WPError(
        .notFound, code: "rest_no_route", message: "No route was found matching the URL and request method.")

    /// What an unknown id answers, per kind of object, with WordPress's codes.
    enum Missing {
        case post, term, user, comment, media

        var error: WPError {
            switch self {
            case .post: WPError(.notFound, code: "rest_post_invalid_id", message: "Invalid post ID.")
            case .term: WPError(.notFound, code: "rest_term_invalid", message: "Term does not exist.")
            case .user: WPError(.notFound, code: "rest_user_invalid_id", message: "Invalid user ID.")
            case .comment: WPError(.notFound, code: "rest_comment_invalid_id", message: "Invalid comment ID.")
            case .media: WPError(.notFound, code: "rest_post_invalid_id", message: "Invalid post ID.")
            }
        }
    }

    var response: Response {
        var headers = HTTPFields()
        headers[.contentType] = WPAnswer.contentType
        // Errors are not cached: another request may well succeed.
        headers[.cacheControl] = "no-store"
        let body = (try? WPAnswer.encoder.encode(self)) ?? Data(#"{"code":"rest_error"}"#.utf8)
        return Response(
            status: HTTPResponse.Status(code: data.status), headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
