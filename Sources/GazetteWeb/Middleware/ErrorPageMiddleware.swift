import GazetteServices
import GazetteStorage
import Hummingbird
import Logging

/// Turns every error a handler throws into a themed page with a plain sentence; the cause goes to the log
/// only, never onto the page.
package struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
    package let renderer: PageRenderer

    package init(renderer: PageRenderer) {
        self.renderer = renderer
    }

    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        if request.uri.path.hasPrefix(APIURL.prefix) {
            // Programs read the API: its errors are problem documents, never themed pages.
            do {
                return try await next(request, context)
            } catch {
                return Problem.answering(error, request: request, logger: context.logger).response
            }
        }
        do {
            return try await next(request, context)
        } catch let refusal as AdminGate.Refusal {
            return refusal.response
        } catch let error as HTTPError {
            switch error.status {
            case .notFound:
                return renderer.notFound()
            case .methodNotAllowed:
                return renderer.error(
                    .methodNotAllowed, heading: "Not allowed", message: "This address cannot be used that way.")
            default:
                if error.status.code < 500 {
                    return renderer.error(
                        error.status, heading: "This request cannot be answered",
                        message: error.body ?? "The request was not understood.")
                }
                context.logger.error(
                    "HTTP error \(error.status.code) for \(LoggedPath.redacted(request.uri.path)): \(error)")
                return serverError()
            }
        } catch StorageError.unavailable(let reason) {
            // The database is away (cached pages are still served by the page cache, outside this middleware).
            context.logger.error("Database unavailable for \(LoggedPath.redacted(request.uri.path)): \(reason)")
            var response = renderer.error(
                .serviceUnavailable, heading: "Back in a moment",
                message: "This page cannot be shown just now. Please try again in a few seconds.")
            response.headers[.retryAfter] = "5"
            return response
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            // A body over a route's limit, before any handler could say so in its own words.
            return renderer.error(
                .contentTooLarge, heading: "Too large to accept",
                message: "What you sent is larger than this address accepts. Go back and send less, or a smaller file.")
        } catch {
            context.logger.error(
                "Failed to answer \(request.method) \(LoggedPath.redacted(request.uri.path)): \(String(reflecting: error))"
            )
            return serverError()
        }
    }

    private func serverError() -> Response {
        renderer.error(
            .internalServerError, heading: "Something went wrong",
            message: "We could not show this page just now. Please try again in a moment.")
    }
}

/// A request path fit for the log: the secret part of one-time links never gets there.
package enum LoggedPath {
    package static let secretPrefixes =
        AdminURL.oneTimeLinkPrefixes + [SiteURL.previewPrefix, SiteURL.subscriptionsPrefix]

    package static func redacted(_ path: String) -> String {
        for prefix in secretPrefixes where path.hasPrefix(prefix) { return prefix + "…" }
        return path
    }
}
