import Foundation
import GazetteContent
import Hummingbird

/// Serves the RSS, Atom and JSON feeds of the site and of its archives, with conditional GET.
struct FeedController: Sendable {
    let builder: FeedBuilder
    let renderer: PageRenderer

    func respond(to route: FeedRoute, request: Request) async throws -> Response {
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
