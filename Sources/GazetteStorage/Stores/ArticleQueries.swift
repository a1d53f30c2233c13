import Foundation
import GazetteContent
import SQLKit

/// The SQL shared by the article reads: one join brings byline, category and source with each row.
enum ArticleQueries {
    static func visible(now: Date) -> SQLQueryString {
        "a.status = 'published' AND a.published_at <= \(bind: now.storedSeconds)"
    }

    /// Visible and news, not a standing page: what lists, archives and feeds show.
    static func listed(now: Date) -> SQLQueryString {
        "a.status = 'published' AND a.kind = 'article' AND a.published_at <= \(bind: now.storedSeconds)"
    }

    /// When readers last saw an article change: a scheduled article "changes" when it comes out.
    static let changedAt = "CASE WHEN a.published_at > a.updated_at THEN a.published_at ELSE a.updated_at END"

    static let summaryColumns = """
        a.id, a.title, a.slug, a.publish_day, a.dek, a.excerpt, a.status, a.published_at, a.updated_at,
        a.image_url, a.image_alt, a.image_caption, a.image_credit, a.comment_count, a.kind,
        au.id AS byline_author_id, au.name AS author_name, au.slug AS author_slug,
        c.id AS category_id, c.name AS category_name, c.slug AS category_slug,
        s.id AS source_id, s.name AS source_name, s.slug AS source_slug, s.url AS source_home
        """

    /// Byline, category and source for `articles a`.
    static let bylineJoins = """
         JOIN authors au ON au.id = a.author_id
        LEFT JOIN categories c ON c.id = a.category_id
        LEFT JOIN sources s ON s.id = a.source_id
        """

    static let joins = " FROM articles a" + bylineJoins

    static let summarySelect = SQLQueryString("SELECT " + summaryColumns + joins)

    static let detailSelect = SQLQueryString(
        "SELECT " + summaryColumns
            + ", b.body_markdown, b.body_html, b.body_trust, a.source_url, a.canonical_url, a.comment_status, a.revision,"
            + " a.author_id, au.bio AS author_bio"
            + joins + " JOIN article_bodies b ON b.article_id = a.id")

    /// `detailSelect` rows as whole articles: the tags and corrections of all of them in two queries.
    static func wholeArticles(_ rows: [any SQLRow], in db: any SQLDatabase) async throws -> [ArticleDetails] {
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.int64("id") }
        var tags: [Int64: [Tag]] = [:]
        for row in try await db.raw(
            """
            SELECT t.article_id, g.id, g.name, g.slug FROM article_tags t JOIN tags g ON g.id = t.tag_id
            WHERE t.article_id IN (\(binds: ids)) ORDER BY t.article_id, t.position, g.name
            """
        ).all() {
            tags[try row.int64("article_id"), default: []].append(
                Tag(id: try row.int64("id"), name: try row.string("name"), slug: try row.slug("slug")))
        }
        var corrections: [Int64: [Correction]] = [:]
        for row in try await db.raw(
            """
            SELECT article_id, noted_at, note FROM corrections WHERE article_id IN (\(binds: ids))
            ORDER BY article_id, noted_at, id
            """
        ).all() {
            corrections[try row.int64("article_id"), default: []].append(
                Correction(notedAt: try row.date("noted_at"), note: try row.string("note")))
        }
        return try rows.map { row in
            let id = try row.int64("id")
            return try details(row, tags: tags[id] ?? [], corrections: corrections[id] ?? [])
        }
    }

    /// A `detailSelect` row as a whole article, with its tags and corrections read separately.
    static func details(_ row: any SQLRow, tags: [Tag], corrections: [Correction]) throws -> ArticleDetails {
        ArticleDetails(
            summary: try summary(row), bodyMarkdown: try row.string("body_markdown"),
            bodyHTML: try row.string("body_html"), authorBio: try row.string("author_bio"), tags: tags,
            corrections: corrections, sourceURL: try row.string("source_url"),
            canonicalURL: try row.string("canonical_url"),
            commentStatus: CommentStatus(rawValue: try row.string("comment_status")) ?? .open,
            revision: Int(try row.int64("revision")), authorID: try row.int64("author_id"),
            bodyTrust: HTMLTrust(rawValue: Int(try row.int64("body_trust"))) ?? .untrusted)
    }

    static func summary(_ row: any SQLRow) throws -> ArticleSummary {
        let imageURL = try row.string("image_url")
        let category = try row.optionalInt64("category_id").map { id in
            Category(id: id, name: try row.string("category_name"), slug: try row.slug("category_slug"))
        }
        let source = try row.optionalInt64("source_id").map { id in
            Source(
                id: id, name: try row.string("source_name"), slug: try row.slug("source_slug"),
                url: try row.string("source_home"))
        }
        return ArticleSummary(
            id: try row.int64("id"), title: try row.string("title"), slug: try row.slug("slug"),
            day: PublicationDay(isoDate: try row.string("publish_day")) ?? PublicationDay(
                year: 1970, month: 1, day: 1)!,
            dek: try row.string("dek"), excerpt: try row.string("excerpt"),
            status: ArticleStatus(rawValue: try row.string("status")) ?? .draft,
            publishedAt: try row.optionalDate("published_at"), updatedAt: try row.date("updated_at"),
            byline: Byline(
                name: try row.string("author_name"), slug: try row.slug("author_slug"),
                id: try row.int64("byline_author_id")),
            category: category, source: source,
            image: imageURL.isEmpty
                ? nil
                : FeaturedImage(
                    url: imageURL, alt: try row.string("image_alt"), caption: try row.string("image_caption"),
                    credit: try row.string("image_credit")),
            commentCount: Int(try row.int64("comment_count")),
            kind: ArticleKind(rawValue: try row.string("kind")) ?? .article)
    }
}
