import Foundation
import GazetteContent
import GazetteServices
import Hummingbird

/// Serves the RSS, Atom and JSON feeds of the site and of its archives, with conditional GET.
package struct FeedController: Sendable {
    package let builder: FeedBuilder
    package let renderer: PageRenderer

    package init(builder: FeedBuilder, renderer: PageRenderer) {
        self.builder = builder
        self.renderer = renderer
    }

    package func respond(to route: FeedRoute, request: Request) async throws -> Response {
        guard let feed = try await builder.feed(for: route) else { return renderer.notFound() }
        let body: String =
            switch route.format {
            case .rss: RSSWriter.write(feed)
            case .atom: AtomWriter.write(feed)
            case .json: JSONFeedWriter.write(feed)
            }
        return ConditionalGet.respond(
            body, contentType: route.format.contentType, lastModified: feed.updated, request: request)
    }
}
