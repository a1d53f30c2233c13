import Foundation
import GazetteContent
import GazetteServices
import GazetteStorage
import Hummingbird

/// RSS of approved comments, site-wide or for one article. Only what the article page shows goes out:
/// the name, the website, the text and the time; never an email or an address.
package struct CommentFeedController: Sendable {
    package let comments: CommentStore
    package let reader: ReaderService
    package let urls: SiteURL
    package let site: LiveSiteSettings
    package let clock: Clock
    package let renderer: PageRenderer

    package init(
        comments: CommentStore, reader: ReaderService, urls: SiteURL, site: LiveSiteSettings, clock: Clock,
        renderer: PageRenderer
    ) {
        self.comments = comments
        self.reader = reader
        self.urls = urls
        self.site = site
        self.clock = clock
        self.renderer = renderer
    }
    package static let length = 30

    package func respond(to route: CommentFeedRoute, request: Request) async throws -> Response {
        let identity = site.current
        var title = "Comments on \(identity.title)"
        var home = urls.absolute(path: SiteURL.home)
        var articleID: Int64? = nil
        if case .article(let day, let slug) = route {
            guard case .found(let details, _) = try await reader.article(day: day, slug: slug) else {
                return renderer.notFound()
            }
            articleID = details.summary.id
            title = "Comments on “\(details.summary.title)”"
            home = urls.absolute(.article(day: day, slug: slug))
        }
        let found = try await comments.newestApproved(articleID: articleID, limit: Self.length, now: clock.now())
        let x = RSSWriter.x
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
            <channel>
            <title>\(x(title))</title>
            <link>\(x(home))</link>
            <description>\(x(identity.tagline))</description>
            <language>\(x(identity.language))</language>
            <atom:link href="\(x(urls.absolute(path: route.path)))" rel="self" type="application/rss+xml"/>

            """
        let updated = found.first?.createdAt ?? Date(timeIntervalSince1970: 0)
        if !found.isEmpty { xml += "<lastBuildDate>\(FeedDates.rfc822(updated))</lastBuildDate>\n" }
        for comment in found {
            let link =
                urls.absolute(.article(day: comment.articleDay, slug: comment.articleSlug)) + "#comment-\(comment.id)"
            xml += "<item>\n<title>\(x("Comment on \(comment.articleTitle) by \(comment.authorName)"))</title>\n"
            xml += "<link>\(x(link))</link>\n<guid isPermaLink=\"true\">\(x(link))</guid>\n"
            xml += "<pubDate>\(FeedDates.rfc822(comment.createdAt))</pubDate>\n"
            xml += "<dc:creator>\(x(comment.authorName))</dc:creator>\n"
            xml += "<description>\(x(String(comment.body.prefix(300))))</description>\n"
            xml += "<content:encoded>\(x(CommentText.html(comment.body)))</content:encoded>\n</item>\n"
        }
        xml += "</channel>\n</rss>\n"
        var response = ConditionalGet.respond(
            xml, contentType: FeedRoute.Format.rss.contentType, lastModified: updated, request: request)
        response.headers[.cacheTags] = articleID.map(ContentChange.commentTag) ?? ContentChange.allCommentsTag
        return response
    }
}
