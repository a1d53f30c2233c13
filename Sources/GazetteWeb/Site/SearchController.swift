import Foundation
import GazetteContent
import GazetteServices
import GazetteStorage
import Hummingbird

/// `/search?q=…`: ranked results with highlighted snippets, paged, never indexed by search engines; any
/// query, however odd, gives results or an empty page.
package struct SearchController: Sendable {
    package let search: SearchStore
    package let renderer: PageRenderer
    package let clock: Clock
    package let pageSize = 10

    package init(search: SearchStore, renderer: PageRenderer, clock: Clock) {
        self.search = search
        self.renderer = renderer
        self.clock = clock
    }

    package func respond(to request: Request) async throws -> Response {
        let parameters = request.uri.queryParameters
        // Browsers send a form's spaces as "+", which the query parser leaves as they are.
        let query = SearchQuery((parameters["q"].map(String.init) ?? "").replacingOccurrences(of: "+", with: " "))
        let number = parameters["page"].flatMap { Int(String($0)) }.map { min(max($0, 1), 10_000) } ?? 1
        guard let pageRequest = PageRequest(number: number, size: pageSize) else { return renderer.notFound() }
        let page = try await search.search(query, page: pageRequest, now: clock.now())
        // Like archives, a page past the last one does not exist.
        if page.number > 1 && page.items.isEmpty { return renderer.notFound() }
        let model = renderer.models.search(query: query, page: page, countLimit: SearchStore.window)
        return renderer.html(model, candidates: ["search", "index"])
    }
}
