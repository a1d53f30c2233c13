import GazetteServices
import GazetteStorage
import HTTPTypes
import Hummingbird
import Logging

extension Problem {
    /// Any error thrown while answering an API address, as a problem document; causes that are not the
    /// client's go to the log only.
    package static func answering(_ error: any Error, request: Request, logger: Logger) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let error as HTTPError:
            switch error.status {
            case .notFound:
                return .notFound("Nothing is at this address of the API. The reference: \(APIURL.reference)")
            case .methodNotAllowed:
                return Problem(
                    .methodNotAllowed, code: "method_not_allowed", detail: "This address cannot be used that way.")
            case let status where status.code < 500:
                return Problem(status, code: "bad_request", detail: error.body ?? "The request was not understood.")
            default:
                logger.error("HTTP error \(error.status.code) for \(LoggedPath.redacted(request.uri.path)): \(error)")
                return .internalError
            }
        case let error as any HTTPResponseError where error.status == .contentTooLarge:
            return Problem(
                .contentTooLarge, code: "too_large", detail: "The body is larger than this operation accepts.")
        case StorageError.unavailable(let reason):
            logger.error("Database unavailable for \(LoggedPath.redacted(request.uri.path)): \(reason)")
            return Problem(
                .serviceUnavailable, code: "unavailable",
                detail: "The site cannot answer just now; try again in a few seconds.",
                headers: [.retryAfter: "5"])
        default:
            logger.error(
                "Failed to answer \(request.method) \(LoggedPath.redacted(request.uri.path)): \(String(reflecting: error))"
            )
            return .internalError
        }
    }

    package static let internalError = Problem(
        .internalServerError, code: "internal_error",
        detail: "Something went wrong on the server; it has been logged. Try again in a moment.")
}
