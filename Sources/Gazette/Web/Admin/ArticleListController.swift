import Foundation
import GazetteContent
import GazetteStorage
import HTTPTypes
import Hummingbird

/// The newsroom's article list: tabs per status with counts, a title search and paging. Contributors and
/// authors see their own articles only.
struct ArticleListController: Sendable {
    let gate: AdminGate
    let renderer: AdminRenderer
    let articles: ArticleStore
    let urls: SiteURL
    let site: LiveSiteSettings
    var dates: DateText { site.dates }
    let pageSize = 30
    static let notices = [
        "trashed": "The article is in the trash. Open the Trashed tab to restore it.",
        "restored": "The article is out of the trash, as a draft.",
    ]

    func list(_ request: Request) async throws -> Response {
        let user = try await gate.user(nil, request)
        let query = request.uri.queryParameters
        let status = query["status"].flatMap { ArticleStatus(rawValue: String($0)) }
        let search = query["q"].map(String.init) ?? ""
        let number = query["page"].flatMap { PageRequest(segment: String($0), size: pageSize)?.number } ?? 1
        let ownOnly = user.can(.editAnyArticle) ? nil : user.author.id
        guard let pageRequest = PageRequest(number: number, size: pageSize) else { return renderer.forbidden(user) }
        let page = try await articles.newsroomPage(status: status, authorID: ownOnly, search: search, page: pageRequest)
        let counts = try await articles.countsByStatus(authorID: ownOnly)
        var tabs = [
            ModerationTab(
                label: "All", url: AdminURL.articles, count: counts.values.reduce(0, +), isCurrent: status == nil)
        ]
        tabs += ArticleStatus.allCases.map {
            ModerationTab(
                label: $0.label, url: AdminURL.articles + "?status=\($0.rawValue)", count: counts[$0] ?? 0,
                isCurrent: $0 == status)
        }
        let rows = page.items.map { summary in
            ArticleRow(
                title: summary.title, editURL: AdminURL.article(summary.id), status: summary.status.label,
                author: summary.byline.name, date: dates.longWithTime(summary.publishedAt ?? summary.updatedAt),
                viewURL: summary.status == .published ? urls.article(summary) : nil)
        }
        let base = AdminURL.articles + "?status=\(status?.rawValue ?? "")&q=\(FormBody.encode(search))&page="
        let pager: PagerModel? =
            page.totalPages > 1
            ? PagerModel(
                newerURL: page.hasPrevious ? base + String(page.number - 1) : nil,
                olderURL: page.hasNext ? base + String(page.number + 1) : nil,
                label: "Page \(page.number) of \(page.totalPages)") : nil
        return renderer.page(
            ArticleListPage(
                chrome: renderer.chrome(
                    title: "Articles", user: user, current: "articles",
                    notice: query["done"].flatMap { Self.notices[String($0)] }), tabs: tabs, search: search,
                status: status?.rawValue ?? "", rows: rows, isEmpty: rows.isEmpty, pager: pager), template: "articles")
    }
}
