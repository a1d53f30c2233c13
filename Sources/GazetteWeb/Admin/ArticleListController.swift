import Foundation
import GazetteContent
import GazetteServices
import GazetteStorage
import HTTPTypes
import Hummingbird

/// The newsroom's article list: tabs per status with counts, filters by author, tag, category and source, a
/// headline search and paging. Contributors and authors see their own articles only.
package struct ArticleListController: Sendable {
    package let renderer: AdminRenderer
    package let articles: ArticleStore
    package let authors: AuthorStore
    package let terms: TermStore
    package let urls: SiteURL
    package let site: LiveSiteSettings
    package var dates: DateText { site.dates }
    package let pageSize = 30

    package init(
        renderer: AdminRenderer, articles: ArticleStore, authors: AuthorStore, terms: TermStore,
        urls: SiteURL, site: LiveSiteSettings
    ) {
        self.renderer = renderer
        self.articles = articles
        self.authors = authors
        self.terms = terms
        self.urls = urls
        self.site = site
    }
    package static let notices = [
        "trashed": "The article is in the trash. Open the Trash tab to restore it.",
        "restored": "The article is out of the trash, as a draft.",
    ]
    package static let filterNames = ["author", "tag", "category", "source"]

    package func list(_ request: Request, context: NewsroomContext) async throws -> Response {
        let user = context.user
        let query = request.uri.queryParameters
        let status = query["status"].flatMap { ArticleStatus(rawValue: String($0)) }
        // Browsers send the search form's spaces as "+", which the query parser leaves as they are.
        let search = FormBody(request.uri.query ?? "")["q"]
        var chosen = [String: String]()
        for name in Self.filterNames {
            chosen[name] = query[name[...]].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        }
        let number = query["page"].flatMap { PageRequest(segment: String($0), size: pageSize)?.number } ?? 1
        let ownOnly = user.can(.editAnyArticle) ? nil : user.author.id
        guard let pageRequest = PageRequest(number: number, size: pageSize) else { throw HTTPError(.notFound) }
        let filters = try await resolve(chosen)
        let page = try await articles.newsroomPage(
            status: status, authorID: ownOnly, search: search, filters: filters, page: pageRequest)
        let counts = try await articles.countsByStatus(authorID: ownOnly)
        func address(status: ArticleStatus?, page: Int? = nil) -> String {
            var parts = [("status", status?.rawValue ?? ""), ("q", search)]
            parts += Self.filterNames.compactMap { name in chosen[name].map { (name, $0) } }
            if let page { parts.append(("page", String(page))) }
            return AdminURL.articles.path + "?"
                + parts.filter { !$0.1.isEmpty }.map { "\($0.0)=\(FormBody.encode($0.1))" }.joined(separator: "&")
        }
        var tabs = [
            ModerationTab(
                label: "All", url: address(status: nil), count: counts.values.reduce(0, +), isCurrent: status == nil)
        ]
        tabs += ArticleStatus.allCases.map {
            ModerationTab(label: $0.label, url: address(status: $0), count: counts[$0] ?? 0, isCurrent: $0 == status)
        }
        let rows = page.items.map { summary in
            ArticleRow(
                title: summary.title, editURL: AdminURL.article(summary.id).path, status: summary.status.label,
                author: summary.byline.name, date: dates.longWithTime(summary.publishedAt ?? summary.updatedAt),
                viewURL: summary.status == .published ? urls.article(summary) : nil)
        }
        let pager = PagerModel(page: page) { address(status: status, page: $0) }
        return renderer.page(
            ArticleListPage(
                chrome: renderer.chrome(
                    title: "Articles", user: user, current: "articles",
                    notice: query["done"].flatMap { Self.notices[String($0)] }), tabs: tabs, search: search,
                status: status?.rawValue ?? "", rows: rows, isEmpty: rows.isEmpty, pager: pager,
                showsAuthorFilter: ownOnly == nil,
                authorOptions: ownOnly == nil
                    ? try await options(authors.all().map { ($0.name, $0.slug) }, chosen["author"]) : [],
                categoryOptions: try await options(terms.names(of: .categories), chosen["category"]),
                sourceOptions: try await options(terms.names(of: .sources), chosen["source"]),
                tag: chosen["tag"] ?? ""))
    }

    /// The filters for the chosen slugs; an unknown slug matches nothing rather than everything.
    private func resolve(_ chosen: [String: String]) async throws -> [ArticleFilter] {
        var filters: [ArticleFilter] = []
        func slug(_ name: String) -> Slug? { chosen[name].map { Slug(from: $0) ?? Slug(trusted: "-") } }
        if let value = slug("author") { filters.append(.author(id: try await authors.find(slug: value)?.id ?? -1)) }
        if let value = slug("tag") { filters.append(.tag(id: try await terms.tag(slug: value)?.id ?? -1)) }
        if let value = slug("category") {
            filters.append(.category(id: try await terms.category(slug: value)?.id ?? -1))
        }
        if let value = slug("source") { filters.append(.source(id: try await terms.source(slug: value)?.id ?? -1)) }
        return filters
    }

    private func options(_ items: [(name: String, slug: Slug)], _ chosen: String?) async throws -> [OptionModel] {
        [OptionModel(value: "", label: "Any", selected: chosen == nil)]
            + items.map { OptionModel(value: $0.slug.value, label: $0.name, selected: $0.slug.value == chosen) }
    }
}
