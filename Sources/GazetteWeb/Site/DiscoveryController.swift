import Foundation
import GazetteServices
import Hummingbird

/// Serves robots.txt and the sitemaps, with conditional GET.
package struct DiscoveryController: Sendable {
    package let builder: SitemapBuilder
    package let renderer: PageRenderer

    package init(builder: SitemapBuilder, renderer: PageRenderer) {
        self.builder = builder
        self.renderer = renderer
    }
    package static let xml = "application/xml; charset=utf-8"

    package func respond(to route: DiscoveryRoute, request: Request) async throws -> Response {
        let document: SitemapBuilder.Document
        var contentType = Self.xml
        switch route {
        case .robots:
            document = builder.robots()
            contentType = "text/plain; charset=utf-8"
        case .sitemapIndex: document = try await builder.index()
        case .articles(let page):
            guard let found = try await builder.articles(page: page) else { return renderer.notFound() }
            document = found
        case .archives: document = try await builder.archives()
        case .authors: document = try await builder.authors()
        case .news: document = try await builder.news()
        }
        return ConditionalGet.respond(
            document.text, contentType: contentType, lastModified: document.lastModified, request: request)
    }
}
