import Foundation
import GazetteContent
import GazetteServices
import HTTPTypes
import Hummingbird

/// The article page as readers will see it, in the site's theme, before it is out: for the editor's Preview
/// (the form as typed, nothing stored) and for a shared link (the article as last saved). A preview is never
/// kept by any cache, never indexed, and carries a banner saying what it is.
package struct ArticlePreview: Sendable {
    package let renderer: PageRenderer
    package let reader: ReaderService
    package let publishing: PublishingService
    package let links: PreviewLinks
    package let site: LiveSiteSettings
    package let clock: Clock
    /// The banner's stylesheet (a newsroom asset, open to everyone).
    package let bannerStylesheetURL: String

    package init(
        renderer: PageRenderer, reader: ReaderService, publishing: PublishingService, links: PreviewLinks,
        site: LiveSiteSettings, clock: Clock, bannerStylesheetURL: String
    ) {
        self.renderer = renderer
        self.reader = reader
        self.publishing = publishing
        self.links = links
        self.site = site
        self.clock = clock
        self.bannerStylesheetURL = bannerStylesheetURL
    }

    /// The editor's form as its page, with the author's byline; `existing` is the saved article, if any.
    package func respond(
        _ form: ArticleEditorForm, existing: ArticleDetails?, user: SignedInUser
    ) async throws
        -> Response
    {
        let now = clock.now()
        let time = NewsroomTime(timeZone: site.current.timeZone)
        var (draft, _) = form.draft(authorID: existing?.authorID ?? user.author.id, time: time, now: now)
        // The trust the text would be saved with: the store never raises an existing article's.
        draft.bodyTrust = user.author.role.htmlTrust.meet(existing?.bodyTrust ?? .trusted)
        draft.bodyHTML = PublishingService.bodyHTML(draft.bodyMarkdown, trust: draft.bodyTrust)
        let byline = existing?.summary.byline ?? Byline(name: user.author.name, slug: user.author.slug)
        let details = ArticleDetails.preview(
            of: draft, id: existing?.summary.id ?? 0, byline: byline,
            authorBio: existing?.authorBio ?? user.author.bio, now: now, timeZone: time.timeZone)
        let when =
            existing?.summary.status == .published ? "once you update it" : "once it is published"
        let note =
            "Preview, not saved yet: this is how readers will see the article \(when). "
            + "Close this tab to go back to the editor."
        return try await page(details, banner: note)
    }

    /// A shared link: the article as last saved, for anyone holding an unexpired link.
    package func shared(token: String) async throws -> Response {
        switch links.read(token) {
        case .forged:
            return renderer.notFound()
        case .expired:
            return noStore(
                renderer.error(
                    .gone, heading: "This preview has expired",
                    message: "Preview links work for a few days. Ask the newsroom that sent it for a new one."))
        case .valid(let id, let until):
            guard let details = try await publishing.previewable(id: id) else { return noStore(renderer.notFound()) }
            if details.summary.status == .published {
                // Out now: the real page, which everyone may read, is the one to show.
                var response = PageRenderer.redirect(
                    to: renderer.models.urls.article(details.summary), permanent: false)
                response.headers[.cacheControl] = "private, no-store"
                return response
            }
            let until = DateText(timeZone: site.current.timeZone).longWithTime(until)
            let note =
                "Preview of an article that is not published yet: it may still change. "
                + "Shared by the newsroom; this link works until \(until)."
            return try await page(details, banner: note)
        }
    }

    private func page(_ details: ArticleDetails, banner: String) async throws -> Response {
        let latest = try await reader.latest(excluding: details.summary.id)
        let model = renderer.models.article(details, latest: latest, comments: nil, noIndex: true)
        let html = renderer.theme.render(
            model, candidates: ["article-\(details.summary.slug.value)", "article", "index"])
        let page = Self.withBanner(html, note: banner, stylesheet: bannerStylesheetURL)
        return noStore(PageRenderer.response(page, status: .ok))
    }

    private func noStore(_ response: Response) -> Response {
        response.withPreviewHeaders()
    }

    /// The page with a banner as the body's first child, whatever the theme's layout.
    package static func withBanner(_ html: String, note: String, stylesheet: String) -> String {
        let banner =
            #"<link rel="stylesheet" href=""# + HTMLText.escape(stylesheet) + #"">"#
            + #"<div class="gazette-preview-banner" role="note"><strong>Preview</strong> "#
            + HTMLText.escape(note) + "</div>"
        guard let body = html.range(of: "<body"), let end = html[body.upperBound...].firstIndex(of: ">") else {
            return banner + html
        }
        let at = html.index(after: end)
        return String(html[..<at]) + "\n" + banner + String(html[at...])
    }
}

extension Response {
    /// Never stored by a cache, never indexed, and the page's address (a secret link) sent to no other site.
    fileprivate func withPreviewHeaders() -> Response {
        var response = self
        response.headers[.cacheControl] = "private, no-store"
        response.headers[.xRobotsTag] = "noindex, nofollow"
        response.headers[.referrerPolicy] = "no-referrer"
        return response
    }
}

extension HTTPField.Name {
    package static let xRobotsTag = Self("X-Robots-Tag")!
}
