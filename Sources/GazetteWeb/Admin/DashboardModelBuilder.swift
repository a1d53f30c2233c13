import Foundation
import GazetteContent
import GazetteServices

/// Turns the desk's overview into the dashboard's lists, in words.
struct DashboardModelBuilder {
    let dates: DateText
    let urls: SiteURL

    func page(_ overview: NewsroomDesk.Overview, user: SignedInUser, chrome: AdminChrome) -> DashboardPage {
        let anyone = user.can(.editAnyArticle)
        let counts = overview.counts
        func articles(_ status: ArticleStatus) -> String {
            AdminURL.articles.path + "?status=" + status.rawValue
        }
        func more(_ status: ArticleStatus, _ noun: String) -> String {
            let count = counts[status] ?? 0
            return count == 1 ? "The one \(noun)" : "All \(count) \(noun)s"
        }
        let lists = [
            list(
                "my-drafts", "Your drafts", overview.myDrafts, empty: "No drafts. Start one with New article.",
                more: AdminURL.articles.path + "?status=draft", moreLabel: anyone ? more(.draft, "draft") : "All drafts"
            ) { "changed " + dates.longWithTime($0.updatedAt) },
            list(
                "for-review", anyone ? "Waiting for review" : "Yours, waiting for review", overview.forReview,
                empty: "Nothing is waiting for review.", more: articles(.pending),
                moreLabel: more(.pending, "article")
            ) { "by \($0.byline.name) · sent " + dates.longWithTime($0.updatedAt) },
            list(
                "scheduled", "Coming out next", overview.scheduled, empty: "Nothing is scheduled.",
                more: articles(.scheduled), moreLabel: more(.scheduled, "scheduled article")
            ) { summary in
                "by \(summary.byline.name) · " + (summary.publishedAt.map(dates.longWithTime) ?? "")
            },
            list(
                "published", "Published lately", overview.recentlyPublished, empty: "Nothing is published yet.",
                more: articles(.published), moreLabel: more(.published, "published article")
            ) { summary in
                "by \(summary.byline.name) · " + (summary.publishedAt.map(dates.longWithTime) ?? "")
            },
        ]
        let held = overview.heldComments.map { comments in
            DashboardComments(
                count: overview.heldCount, spamCount: overview.spamCount,
                items: comments.map { held in
                    DashboardComment(
                        authorName: held.comment.authorName, excerpt: Self.excerpt(held.comment.body),
                        date: dates.longWithTime(held.comment.createdAt), articleTitle: held.articleTitle,
                        articleURL: AdminURL.article(held.comment.articleID).path,
                        editURL: AdminURL.comment(held.comment.id).path)
                }, isEmpty: comments.isEmpty, queueURL: AdminURL.comments(status: .pending).path,
                spamURL: AdminURL.comments(status: .spam).path)
        }
        let activity = overview.activity.map { events in
            DashboardActivityList(
                items: events.map { event in
                    DashboardActivity(
                        date: dates.longWithTime(event.at), action: event.action.label,
                        actor: event.actorName.isEmpty ? "—" : event.actorName, target: event.target.nonEmpty,
                        isWarning: event.action.isWarning)
                }, isEmpty: events.isEmpty, auditURL: AdminURL.audit.path)
        }
        return DashboardPage(
            chrome: chrome, newArticleURL: AdminURL.newArticle.path, lists: lists, held: held, activity: activity)
    }

    private func list(
        _ id: String, _ title: String, _ items: [ArticleSummary], empty: String, more: String, moreLabel: String,
        detail: (ArticleSummary) -> String
    ) -> DashboardList {
        DashboardList(
            id: id, title: title,
            items: items.map {
                DashboardItem(title: $0.title, url: AdminURL.article($0.id).path, detail: detail($0))
            }, isEmpty: items.isEmpty, emptyText: empty, moreURL: more, moreLabel: moreLabel)
    }

    /// The start of a comment, on one line.
    static func excerpt(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return line.count <= 140 ? line : String(line.prefix(139)) + "…"
    }
}
