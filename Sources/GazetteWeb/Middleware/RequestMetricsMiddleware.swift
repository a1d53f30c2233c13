import GazetteServices
import Hummingbird

/// Counts every answer by route class and status, with its time, for `/metrics`. Outermost, so answers from
/// the page cache are counted too; errors count as the status they become.
package struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    package let metrics: ServerMetrics

    package init(metrics: ServerMetrics) {
        self.metrics = metrics
    }

    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        let clock = ContinuousClock()
        let start = clock.now
        let route = RouteClass.of(path: request.uri.path, method: request.method.rawValue)
        do {
            let response = try await next(request, context)
            metrics.recordRequest(route, status: response.status.code, duration: clock.now - start)
            return response
        } catch let error as any HTTPResponseError {
            metrics.recordRequest(route, status: error.status.code, duration: clock.now - start)
            throw error
        } catch {
            metrics.recordRequest(route, status: 500, duration: clock.now - start)
            throw error
        }
    }
}
