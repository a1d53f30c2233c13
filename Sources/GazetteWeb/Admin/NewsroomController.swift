import Foundation
import GazetteContent
import GazetteServices
import HTTPTypes
import Hummingbird

/// The dashboard and the comment moderation queue. Every route checks the signed-in person's rights here,
/// on the server, whatever the pages show.
package struct NewsroomController: Sendable {
    package let renderer: AdminRenderer
    package let comments: CommentService
    package let desk: NewsroomDesk
    package let urls: SiteURL
    package let site: LiveSiteSettings

    package init(
        renderer: AdminRenderer, comments: CommentService, desk: NewsroomDesk, urls: SiteURL, site: LiveSiteSettings
    ) {
        self.renderer = renderer
        self.comments = comments
        self.desk = desk
        self.urls = urls
        self.site = site
    }
    package var dates: DateText { site.dates }

    package func dashboard(_ request: Request, context: NewsroomContext) async throws -> Response {
        let user = context.user
        let overview = try await desk.overview(for: user.author)
        return renderer.page(
            DashboardModelBuilder(dates: dates, urls: urls).page(
                overview, user: user, chrome: renderer.chrome(title: "Dashboard", user: user, current: "dashboard")))
    }

    package func queue(_ request: Request, context: NewsroomContext) async throws -> Response {
        let user = context.user
        let status =
            request.uri.queryParameters["status"].flatMap { ModerationStatus(rawValue: String($0)) } ?? .pending
        let notice = request.uri.queryParameters["done"].map(String.init).flatMap(Self.notice)
        let page = request.uri.queryParameters["page"].flatMap { Int(String($0)) } ?? 1
        return try await queuePage(status: status, user: user, notice: notice, page: page)
    }

    package func moderate(_ request: Request, context: NewsroomFormContext) async throws -> Response {
        let (user, posted) = (context.user, context.form)
        let fields = posted.fields
        let status = ModerationStatus(rawValue: fields["status"]) ?? .pending
        let ids = fields.values("ids").compactMap { Int64($0) }
        let action = fields["action"]
        guard !ids.isEmpty else {
            return try await queuePage(
                status: status, user: user, notice: "Tick at least one comment first.", code: .unprocessableContent)
        }
        if action == "delete" {
            try await comments.delete(ids: ids)
        } else if let moderation = ModerationAction(rawValue: action) {
            try await comments.moderate(moderation, ids: ids)
        } else {
            return try await queuePage(
                status: status, user: user, notice: "Choose what to do with the comments.", code: .unprocessableContent)
        }
        return PageRenderer.redirect(
            to: AdminURL.comments(status: status).path + "&done=\(action)-\(ids.count)", permanent: false)
    }

    private func queuePage(
        status: ModerationStatus, user: SignedInUser, notice: String?, code: HTTPResponse.Status = .ok, page: Int = 1
    ) async throws -> Response {
        let counts = try await comments.counts()
        let total = counts[status] ?? 0
        let pages = max(1, (total + Self.pageSize - 1) / Self.pageSize)
        let page = min(max(1, page), pages)
        let list = try await comments.list(status: status, limit: Self.pageSize, offset: (page - 1) * Self.pageSize)
        let base = AdminURL.comments(status: status).path + "&page="
        let pager = PagerModel(number: page, totalPages: pages) { base + String($0) }
        let tabs = ModerationStatus.allCases.map {
            ModerationTab(
                label: $0.rawValue.capitalized, url: AdminURL.comments(status: $0).path, count: counts[$0] ?? 0,
                isCurrent: $0 == status)
        }
        let titles = try await desk.headlines(ids: Set(list.map(\.articleID)))
        let rows = list.map { comment in
            ModerationRow(
                id: String(comment.id), authorName: comment.authorName, authorEmail: comment.authorEmail,
                authorURL: comment.authorURL, authorIP: comment.authorIP, date: dates.longWithTime(comment.createdAt),
                bodyHTML: CommentText.html(comment.body), articleID: String(comment.articleID),
                articleTitle: titles[comment.articleID] ?? "Article \(comment.articleID)",
                articleURL: AdminURL.article(comment.articleID).path,
                editURL: AdminURL.comment(comment.id).path,
                reasons: comment.spamReasons, hasReasons: !comment.spamReasons.isEmpty, score: comment.spamScore)
        }
        return renderer.page(
            ModerationPage(
                chrome: renderer.chrome(title: "Comments", user: user, current: "comments", notice: notice), tabs: tabs,
                status: status.rawValue, comments: rows, actions: Self.actions(for: status), isEmpty: rows.isEmpty,
                pager: pager), status: code)
    }

    package static let pageSize = 50

    /// The actions that make sense for comments of a status.
    package static func actions(for status: ModerationStatus) -> [ModerationActionModel] {
        switch status {
        case .pending:
            [
                .init(value: "approve", label: "Approve"), .init(value: "spam", label: "Spam"),
                .init(value: "trash", label: "Trash"),
            ]
        case .approved:
            [
                .init(value: "unapprove", label: "Unapprove"), .init(value: "spam", label: "Spam"),
                .init(value: "trash", label: "Trash"),
            ]
        case .spam:
            [.init(value: "restore", label: "Not spam"), .init(value: "delete", label: "Delete permanently")]
        case .trash:
            [.init(value: "restore", label: "Restore"), .init(value: "delete", label: "Delete permanently")]
        }
    }

    /// "approve-3" → "3 comments approved."
    package static func notice(_ done: String) -> String? {
        let parts = done.split(separator: "-")
        guard parts.count == 2, let count = Int(parts[1]) else { return nil }
        let verbs = [
            "approve": "approved", "unapprove": "sent back to pending", "spam": "marked as spam",
            "trash": "moved to the trash", "restore": "restored", "delete": "deleted permanently",
        ]
        guard let verb = verbs[String(parts[0])] else { return nil }
        return "\(count) comment\(count == 1 ? "" : "s") \(verb)."
    }
}
