import Foundation
import GazetteContent
import GazetteServices

/// The editor's fields as typed, and their conversion to an article draft.
package struct ArticleEditorForm: Sendable {
    package static let names = [
        "title", "slug", "dek", "body", "excerpt", "tags", "category", "source", "source_url", "image_url",
        "image_alt", "image_caption", "image_credit", "canonical_url", "published_at",
        // The image being put in the body ("Upload and insert"), not part of the article itself.
        "body_image_alt", "body_image_caption", "body_image_credit",
        // "Email it to subscribers when it is published" (`NewsletterStore`), not part of the article either.
        "newsletter",
    ]

    /// One correction row: its date as shown and its note. A row with an empty note is dropped on save.
    package struct CorrectionRow: Sendable, Equatable {
        package var date: String
        package var note: String
    }

    package var values: [String: String] = [:]
    package var status = ArticleStatus.draft
    package var comments = CommentStatus.open
    package var corrections: [CorrectionRow] = []

    package init() {}

    package init(fields: FormBody) {
        for name in Self.names { values[name] = fields[name] }
        status = ArticleStatus(rawValue: fields["status"]) ?? .draft
        comments = CommentStatus(rawValue: fields["comments"]) ?? .open
        let dates = fields.values("correction_date")
        let notes = fields.values("correction_note")
        corrections = notes.indices.map { CorrectionRow(date: $0 < dates.count ? dates[$0] : "", note: notes[$0]) }
    }

    /// The form filled from a stored article.
    package init(details: ArticleDetails, time: NewsroomTime) {
        let summary = details.summary
        values = [
            "title": summary.title, "slug": summary.slug.value, "dek": summary.dek, "body": details.bodyMarkdown,
            "excerpt": details.writtenExcerpt, "tags": details.tags.map(\.name).joined(separator: ", "),
            "category": summary.category?.name ?? "", "source": summary.source?.name ?? "",
            "source_url": details.sourceURL, "image_url": summary.image?.url ?? "",
            "image_alt": summary.image?.alt ?? "", "image_caption": summary.image?.caption ?? "",
            "image_credit": summary.image?.credit ?? "", "canonical_url": details.canonicalURL,
            "published_at": summary.publishedAt.map(time.text) ?? "",
        ]
        status = summary.status
        comments = details.commentStatus
        corrections = details.corrections.map { CorrectionRow(date: time.text($0.notedAt), note: $0.note) }
    }

    /// True when this form holds something the stored article (`saved`, nil for a new one) does not: text
    /// typed, restored or sent back that is not saved yet.
    package func differs(from saved: ArticleEditorForm?) -> Bool {
        let base = saved ?? ArticleEditorForm()
        let names = Set(values.keys).union(base.values.keys)
        if names.contains(where: { self[$0] != base[$0] }) || comments != base.comments { return true }
        let written = { (rows: [CorrectionRow]) in rows.filter { !$0.note.isEmpty || !$0.date.isEmpty } }
        return written(corrections) != written(base.corrections)
    }

    package subscript(_ name: String) -> String {
        get { values[name] ?? "" }
        set { values[name] = newValue }
    }

    /// The publication time typed, read; nil when empty or unreadable.
    package func publishedAt(_ time: NewsroomTime, now: Date) -> Date? {
        time.parse(self["published_at"], now: now)
    }

    /// The draft to save, with the problems of the fields that could not even be read (their values are left
    /// out of the draft, so the rest can still be checked and every problem shown at once).
    /// A correction without a date is dated `now`: that is how a new one is added.
    package func draft(authorID: Int64, time: NewsroomTime, now: Date) -> (ArticleDraft, ValidationErrors) {
        var errors = ValidationErrors()
        var publishedAt: Date? = nil
        let when = self["published_at"].trimmingCharacters(in: .whitespaces)
        if !when.isEmpty {
            publishedAt = time.parse(when, now: now)
            if publishedAt == nil {
                errors.add(
                    "published_at",
                    "Write the time like \(NewsroomTime.example) (\(time.zoneName)), or “now”, or “tomorrow 09:00”.")
            }
        }
        var notes: [Correction] = []
        // Rows are numbered as the editor shows them: the ones with anything written in them.
        var shown = 0
        for row in corrections where !row.note.isEmpty || !row.date.isEmpty {
            shown += 1
            let note = row.note.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !note.isEmpty else { continue }
            let date = row.date.trimmingCharacters(in: .whitespaces)
            if date.isEmpty {
                notes.append(Correction(notedAt: now, note: note))
            } else if let notedAt = time.parse(date, now: now) {
                notes.append(Correction(notedAt: notedAt, note: note))
            } else {
                errors.add(
                    "correction_date_\(shown)",
                    "Write each correction's date like \(NewsroomTime.example), or leave it empty.")
            }
        }
        let imageURL = self["image_url"].trimmingCharacters(in: .whitespaces)
        let image =
            imageURL.isEmpty
            ? nil
            : FeaturedImage(
                url: imageURL, alt: self["image_alt"], caption: self["image_caption"], credit: self["image_credit"])
        let draft = ArticleDraft(
            title: self["title"], slug: self["slug"].isEmpty ? nil : self["slug"], dek: self["dek"],
            bodyMarkdown: self["body"], excerpt: self["excerpt"], status: status, publishedAt: publishedAt,
            authorID: authorID, category: self["category"].isEmpty ? nil : self["category"],
            tags: self["tags"].split(separator: ",").map { String($0) },
            sourceName: self["source"].isEmpty ? nil : self["source"], sourceURL: self["source_url"],
            canonicalURL: self["canonical_url"], image: image, corrections: notes.sorted { $0.notedAt < $1.notedAt },
            commentStatus: comments)
        return (draft, errors)
    }
}
