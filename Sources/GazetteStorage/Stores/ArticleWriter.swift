import Foundation
import GazetteContent
import SQLKit

/// Writes one article aggregate inside an open transaction.
struct ArticleWriter {
    let db: any SQLDatabase
    let article: ValidArticle
    let now: Date
    let timeZone: TimeZone
    /// Who saved, for the revision history; nil for commands and imports.
    var savedBy: Int64? = nil
    var note = ""
    /// Locks the article's row while it is read for the revision check, so two saves cannot both pass it.
    var lockRows = ""
    /// For the search index, kept in step in the same transaction.
    var dialect = Dialect.sqlite
    /// False when the caller indexes many articles at once, in the same transaction, after writing them.
    var indexesSearch = true
    /// Writes the staff's emails about this save (submitted for review, published by someone else…), queued
    /// in its transaction; nil for imports and commands.
    var staffMail: StaffNoticeStore.Writer? = nil
    /// Send the article to its subscribers once it is out (`NewsletterStore`), asked in this transaction.
    var sendsNewsletter = false
    /// Queues the webhook deliveries this save causes, in its transaction; nil for imports.
    var webhooks: WebhookQueue? = nil

    func save(replacing id: Int64?, expectedRevision: Int? = nil) async throws -> ArticleStore.Saved {
        let existing = try await existingRow(id)
        if let expectedRevision, let existing, existing.revision != expectedRevision {
            throw ArticleConflict(currentRevision: existing.revision)
        }
        guard try await db.raw("SELECT id FROM authors WHERE id = \(bind: article.authorID)").first() != nil else {
            throw StorageError.notFound("There is no author with id \(article.authorID).")
        }
        let categoryID = try await article.category.asyncMap {
            try await TermStore.ensure($0, in: .categories, db: db)
        }
        let sourceID = try await article.source.asyncMap {
            try await TermStore.ensure($0, in: .sources, extraURL: Self.homePage(of: article.sourceURL), db: db)
        }
        let day = PublicationDay(date: article.publishedAt ?? existing?.createdAt ?? now, timeZone: timeZone)
        let slug = try await uniqueSlug(on: day, excluding: id)
        let updated = updatedAt(existing: existing)
        let articleID: Int64
        if let id {
            try await db.raw(
                "UPDATE articles SET "
                    + columnAssignments(
                        slug: slug, day: day, categoryID: categoryID, sourceID: sourceID, updatedAt: updated)
                    + " WHERE id = \(bind: id)"
            ).run()
            articleID = id
        } else {
            let row = try await db.raw(
                """
                INSERT INTO articles (title, slug, publish_day, dek, excerpt, status,
                    published_at, created_at, updated_at, author_id, category_id, source_id, source_url, canonical_url,
                    image_url, image_alt, image_caption, image_credit, comment_status, kind)
                VALUES (\(bind: article.title), \(bind: slug.value), \(bind: day.isoDate), \(bind: article.dek),
                    \(bind: article.excerpt),
                    \(bind: article.status.rawValue), \(bind: article.publishedAt?.storedSeconds),
                    \(bind: now.storedSeconds), \(bind: updated.storedSeconds), \(bind: article.authorID),
                    \(bind: categoryID), \(bind: sourceID), \(bind: article.sourceURL), \(bind: article.canonicalURL),
                    \(bind: article.image?.url ?? ""), \(bind: article.image?.alt ?? ""),
                    \(bind: article.image?.caption ?? ""), \(bind: article.image?.credit ?? ""),
                    \(bind: article.commentStatus.rawValue), \(bind: article.kind.rawValue))
                RETURNING id
                """
            ).first()
            guard let newID = try row?.int64("id") else { throw StorageError.unavailable("The new article got no id.") }
            articleID = newID
        }
        // Trust never rises on a save: text someone less trusted wrote stays theirs, whoever saves it now.
        var stored = article
        if let existing, existing.bodyTrust < stored.bodyTrust {
            stored.bodyTrust = existing.bodyTrust
            stored.bodyHTML = HTMLSanitizer.clean(stored.bodyHTML, trust: existing.bodyTrust)
        }
        try await writeBody(stored, of: articleID, replacing: id != nil)
        try await replaceTags(of: articleID, replacing: id != nil)
        try await replaceCorrections(of: articleID, replacing: id != nil)
        try await recordRevision(stored, of: articleID, number: (existing?.revision ?? 0) + 1)
        try await queueNotice(articleID: articleID, revision: (existing?.revision ?? 0) + 1, previous: existing?.status)
        if sendsNewsletter, article.status == .published || article.status == .scheduled {
            try await NewsletterStore.requestArticle(
                articleID, sendAfter: max(article.publishedAt ?? now, now), by: savedBy, now: now, in: db)
        }
        if let webhooks,
            let event = WebhookEvent.afterSave(
                wasPublic: existing?.wasPublic ?? false,
                isPublic: article.status == .published && (article.publishedAt ?? now) <= now)
        {
            try await webhooks.queueArticle(event, id: articleID, now: now, in: db)
        }
        if indexesSearch { try await SearchIndex.refresh(ids: [articleID], dialect: dialect, in: db) }
        try await keepOldAddress(of: articleID, existing: existing, day: day, slug: slug)
        return ArticleStore.Saved(id: articleID, slug: slug, day: day)
    }

    private func writeBody(_ article: ValidArticle, of articleID: Int64, replacing: Bool) async throws {
        if replacing {
            try await db.raw(
                "UPDATE article_bodies SET body_markdown = \(bind: article.bodyMarkdown),"
                    + " body_html = \(bind: article.bodyHTML), body_trust = \(bind: article.bodyTrust.rawValue)"
                    + " WHERE article_id = \(bind: articleID)"
            ).run()
        } else {
            try await db.raw(
                "INSERT INTO article_bodies (article_id, body_markdown, body_html, body_trust)"
                    + " VALUES (\(bind: articleID), \(bind: article.bodyMarkdown), \(bind: article.bodyHTML),"
                    + " \(bind: article.bodyTrust.rawValue))"
            ).run()
        }
    }

    /// A published article that moves (new slug or date) leaves a redirect at the address readers, links
    /// and search engines knew, in the same transaction as the move.
    private func keepOldAddress(
        of articleID: Int64, existing: ExistingRow?, day: PublicationDay, slug: Slug
    ) async throws {
        guard let existing, existing.wasPublic, let oldDay = existing.day, let oldSlug = existing.slug,
            oldDay != day || oldSlug != slug
        else { return }
        try await RedirectStore.add(
            path: Redirect.articlePath(day: oldDay, slug: oldSlug), articleID: articleID, now: now, in: db)
    }

    private struct ExistingRow {
        var createdAt: Date
        var updatedAt: Date
        var revision: Int
        var day: PublicationDay?
        var slug: Slug?
        /// Published and out (not merely scheduled) when this save began.
        var wasPublic: Bool
        /// What readers would notice changing: headline, dek and body.
        var content: [String]
        var bodyTrust: HTMLTrust
        var status: ArticleStatus?
    }

    private func existingRow(_ id: Int64?) async throws -> ExistingRow? {
        guard let id else { return nil }
        guard
            let row = try await db.raw(
                "SELECT a.created_at, a.updated_at, a.revision, a.title, a.dek, a.publish_day, a.slug, a.status,"
                    + " a.published_at, b.body_markdown, b.body_trust FROM articles a"
                    + " JOIN article_bodies b ON b.article_id = a.id WHERE a.id = \(bind: id)"
                    + SQLQueryString(lockRows)
            ).first()
        else {
            throw StorageError.notFound("There is no article with id \(id).")
        }
        return ExistingRow(
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"),
            revision: Int(try row.int64("revision")),
            day: PublicationDay(isoDate: try row.string("publish_day")), slug: Slug(trusted: try row.string("slug")),
            wasPublic: try row.string("status") == ArticleStatus.published.rawValue
                && (try row.optionalDate("published_at")).map { $0 <= now } == true,
            content: [try row.string("title"), try row.string("dek"), try row.string("body_markdown")],
            bodyTrust: HTMLTrust(rawValue: Int(try row.int64("body_trust"))) ?? .untrusted,
            status: ArticleStatus(rawValue: try row.string("status")))
    }

    /// Queues what the staff hear of this save, if anything.
    private func queueNotice(articleID: Int64, revision: Int, previous: ArticleStatus?) async throws {
        guard let staffMail else { return }
        let names = try await db.raw(
            "SELECT id, name FROM authors WHERE id IN (\(bind: article.authorID), \(bind: savedBy ?? 0))"
        ).all().reduce(into: [Int64: String]()) { names, row in
            if let id = try? row.int64("id"), let name = try? row.string("name") { names[id] = name }
        }
        let note = StaffNotice.ArticleNote(
            articleID: articleID, revision: revision, title: article.title, authorID: article.authorID,
            authorName: names[article.authorID] ?? "", actorName: savedBy.flatMap { names[$0] } ?? "",
            publishedAt: article.publishedAt)
        guard let notice = StaffNotice.afterSave(from: previous, to: article.status, actorID: savedBy, note: note)
        else { return }
        try await StaffNoticeStore.queue(notice, excluding: savedBy, writer: staffMail, now: now, in: db)
    }

    /// When readers last saw a change: a save that changes nothing visible keeps the old time, and an
    /// article written with an earlier publication date was not "updated" by being stored now.
    private func updatedAt(existing: ExistingRow?) -> Date {
        if let existing {
            let unchanged = existing.content == [article.title, article.dek, article.bodyMarkdown]
            return unchanged ? existing.updatedAt : now
        }
        return min(now, article.publishedAt ?? now)
    }

    private func columnAssignments(
        slug: Slug, day: PublicationDay, categoryID: Int64?, sourceID: Int64?, updatedAt: Date
    )
        -> SQLQueryString
    {
        """
        title = \(bind: article.title), slug = \(bind: slug.value), publish_day = \(bind: day.isoDate),
        dek = \(bind: article.dek),
        excerpt = \(bind: article.excerpt), status = \(bind: article.status.rawValue),
        published_at = \(bind: article.publishedAt?.storedSeconds), updated_at = \(bind: updatedAt.storedSeconds),
        author_id = \(bind: article.authorID), category_id = \(bind: categoryID), source_id = \(bind: sourceID),
        source_url = \(bind: article.sourceURL), canonical_url = \(bind: article.canonicalURL),
        image_url = \(bind: article.image?.url ?? ""), image_alt = \(bind: article.image?.alt ?? ""),
        image_caption = \(bind: article.image?.caption ?? ""), image_credit = \(bind: article.image?.credit ?? ""),
        comment_status = \(bind: article.commentStatus.rawValue), revision = revision + 1
        """
    }

    /// The article's slug, numbered when another article of the same day already has it. Saves that want the
    /// same slug on the same day take turns, so two at once cannot both pick the same free number.
    private func uniqueSlug(on day: PublicationDay, excluding id: Int64?) async throws -> Slug {
        if let lock = dialect.transactionLock(named: "slug|\(day.isoDate)|\(article.slug.value)") {
            try await db.raw(SQLQueryString(lock)).run()
        }
        var candidate = article.slug
        var number = 1
        while try await db.raw(
            """
            SELECT id FROM articles
            WHERE publish_day = \(bind: day.isoDate) AND slug = \(bind: candidate.value) AND id <> \(bind: id ?? -1)
            """
        ).first() != nil {
            number += 1
            candidate = article.slug.numbered(number)
        }
        return candidate
    }

    /// The article's tags, in their order, in one INSERT; a new article has none to delete first.
    private func replaceTags(of articleID: Int64, replacing: Bool) async throws {
        if replacing { try await db.raw("DELETE FROM article_tags WHERE article_id = \(bind: articleID)").run() }
        guard !article.tags.isEmpty else { return }
        var insert: SQLQueryString = "INSERT INTO article_tags (article_id, tag_id, position) VALUES "
        for (position, tag) in article.tags.enumerated() {
            let tagID = try await TermStore.ensure(tag, in: .tags, db: db)
            insert = insert + (position == 0 ? "" : ", ") + "(\(bind: articleID), \(bind: tagID), \(bind: position))"
        }
        try await db.raw(insert).run()
    }

    private func replaceCorrections(of articleID: Int64, replacing: Bool) async throws {
        if replacing { try await db.raw("DELETE FROM corrections WHERE article_id = \(bind: articleID)").run() }
        for correction in article.corrections {
            try await db.raw(
                """
                INSERT INTO corrections (article_id, noted_at, note)
                VALUES (\(bind: articleID), \(bind: correction.notedAt.storedSeconds), \(bind: correction.note))
                """
            ).run()
        }
    }

    private func recordRevision(_ article: ValidArticle, of articleID: Int64, number: Int) async throws {
        try await db.raw(
            """
            INSERT INTO article_revisions
                (article_id, revision, saved_at, saved_by, title, dek, body_markdown, excerpt, status, note, body_trust,
                details)
            VALUES (\(bind: articleID), \(bind: number), \(bind: now.storedSeconds), \(bind: savedBy),
                \(bind: article.title), \(bind: article.dek), \(bind: article.bodyMarkdown), \(bind: article.excerpt),
                \(bind: article.status.rawValue), \(bind: note), \(bind: article.bodyTrust.rawValue),
                \(bind: RevisionDetails(article).json))
            """
        ).run()
    }

    /// The outlet's home page, from the address of one of its articles.
    static func homePage(of articleURL: String) -> String {
        guard let components = URLComponents(string: articleURL), let scheme = components.scheme,
            let host = components.host
        else { return "" }
        return "\(scheme)://\(host)/"
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

/// Someone else saved the article since this version was loaded: nothing was written.
public struct ArticleConflict: Error, Sendable, Equatable {
    public let currentRevision: Int
}
