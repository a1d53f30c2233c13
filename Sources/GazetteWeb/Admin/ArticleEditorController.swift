import Foundation
import GazetteContent
import GazetteServices
import HTTPTypes
import Hummingbird
import Logging

/// The article editor: write, preview, save with the workflow, and never overwrite someone else's save.
/// Contributors and authors work on their own articles; contributors only draft and submit for review.
package struct ArticleEditorController: Sendable {
    package let renderer: AdminRenderer
    package let publishing: PublishingService
    package let access: ArticleAccess
    package let urls: SiteURL
    package let site: LiveSiteSettings
    package var dates: DateText { site.dates }
    package let clock: Clock
    package let audit: AuditLog
    /// Forms sent after the session ended, found again here.
    package let keptWork: KeptWork?
    /// The article page in the site's theme, for Preview.
    package let preview: ArticlePreview
    /// Links to share an article that is not out yet.
    package let previewLinks: PreviewLinks
    /// Copies kept while someone writes.
    package let autosaves: Autosaves
    /// "Email it to subscribers"; nil where no newsletter is sent.
    package let newsletters: NewsletterService?
    private var time: NewsroomTime { NewsroomTime(timeZone: dates.timeZone) }

    package init(
        renderer: AdminRenderer, publishing: PublishingService,
        access: ArticleAccess, urls: SiteURL, site: LiveSiteSettings, clock: Clock, audit: AuditLog,
        keptWork: KeptWork? = nil, preview: ArticlePreview, previewLinks: PreviewLinks, autosaves: Autosaves,
        newsletters: NewsletterService? = nil
    ) {
        self.autosaves = autosaves
        self.newsletters = newsletters
        self.keptWork = keptWork
        self.preview = preview
        self.previewLinks = previewLinks
        self.renderer = renderer
        self.publishing = publishing
        self.access = access
        self.urls = urls
        self.site = site
        self.clock = clock
        self.audit = audit
    }
    /// A body at its longest in UTF-8 plus a featured image at the size limit.
    package static let bodyLimit = 4 * 1024 * 1024 + MediaRules.maximumBytes

    package func edit(_ request: Request, id: Int64?, context: NewsroomContext) async throws -> Response {
        let user = context.user
        let path = id.map { AdminURL.article($0).path } ?? AdminURL.newArticle.path
        if let keptWork, let kept = try await keptWork.take(request, path: path) {
            return try await restore(kept, id: id, user: user, forget: keptWork.forget())
        }
        let details: ArticleDetails? = if let id { try await access.editable(id, by: user) } else { nil }
        let copy = try await autosaves.copy(authorID: user.author.id, articleID: id)
        if let copy, request.uri.queryParameters["restore"] == "autosave" {
            let fields = FormBody(fields: copy.fields)
            return renderer.page(
                editor(
                    ArticleEditorForm(fields: fields), user: user, article: details, revision: copy.basedOnRevision,
                    notice: "Restored your unsaved changes from \(keptTime(copy.savedAt)). They are not saved yet: "
                        + "check them, then save."))
        }
        let discarded =
            request.uri.queryParameters["discarded"] != nil ? "The unsaved changes were discarded." : nil
        guard let details else {
            var page = editor(ArticleEditorForm(), user: user, article: nil, notice: discarded)
            page.autosaveOffer = copy.map { offer($0, id: nil, user: user) }
            return renderer.page(page)
        }
        let form = ArticleEditorForm(details: details, time: time)
        var page = editor(form, user: user, article: details, notice: discarded)
        page.autosaveOffer = copy.map { offer($0, id: id, user: user) }
        if page.newsletter != nil, let sent = try await newsletters?.forArticle(details.summary.id) {
            page.newsletter?.newsletterState = newsletterState(sent)
        }
        if let restored = request.uri.queryParameters["restored"].flatMap({ Int(String($0)) }) {
            page.chrome.notice =
                "Restored revision \(restored) as a new revision. Nothing was lost: the version "
                + "before it is in the history."
            if details.summary.status == .published { page.chrome.noticeLinkURL = viewURL(details) }
        }
        if request.uri.queryParameters["saved"] != nil {
            // `was` names the status before the save ("new" for a first save); other saves just say so.
            if let was = request.uri.queryParameters["was"] {
                page.chrome.notice = outcome(of: details, was: ArticleStatus(rawValue: String(was)))
            } else {
                page.chrome.notice = "Saved."
            }
            if details.summary.status == .published { page.chrome.noticeLinkURL = viewURL(details) }
        }
        return renderer.page(page)
    }

    package func save(_ request: Request, id: Int64?, context: NewsroomFormContext) async throws -> Response {
        let (user, posted) = (context.user, context.form)
        let fields = posted.fields
        var existing: ArticleDetails? = nil
        if let id { existing = try await access.editable(id, by: user) }
        let revision = Int(fields["revision"]) ?? 0
        do {
            return try await save(posted, id: id, user: user, existing: existing, revision: revision)
        } catch let error where !(error is HTTPError) {
            // Whatever failed (a full disk, the database away), the text someone typed comes back to them.
            Self.logger.error("Saving article \(id.map(String.init) ?? "new") failed: \(String(reflecting: error))")
            return renderer.page(
                editor(
                    ArticleEditorForm(fields: fields), user: user, article: existing, revision: revision,
                    general: "The article could not be saved just now: the server could not store it. Nothing you "
                        + "typed is lost: it is all below. Try saving again in a moment."), status: .serviceUnavailable)
        }
    }

    private static let logger = Logger(label: "gazette.editor")

    /// A featured image file chosen in the form goes into the media library (once: its address replaces
    /// the file in the form); the problems with it, if any.
    private func uploadFeaturedImage(
        _ posted: PostedForm, into form: inout ArticleEditorForm, by user: SignedInUser
    ) async throws -> ValidationErrors {
        guard let file = posted.files["image_file"] else { return ValidationErrors() }
        let upload = PublishingService.FeaturedImageUpload(
            bytes: file.bytes, fileName: file.fileName,
            text: MediaText(alt: form["image_alt"], caption: form["image_caption"], credit: form["image_credit"]))
        do {
            form["image_url"] = try await publishing.uploadFeaturedImage(upload, by: user.author)
            return ValidationErrors()
        } catch let refused as ValidationErrors {
            return refused
        }
    }

    /// "Upload and insert": the image goes into the media library once and into the body as a `<figure>`
    /// where the cursor was (the end without the script); nothing is saved, and the editor comes back with
    /// the body changed. A featured image chosen at the same time is uploaded too, so it is not lost.
    private func insertImage(
        _ posted: PostedForm, form: ArticleEditorForm, user: SignedInUser, existing: ArticleDetails?, revision: Int
    ) async throws -> Response {
        var form = form
        var problems = ValidationErrors()
        let text = MediaText(
            alt: form["body_image_alt"], caption: form["body_image_caption"], credit: form["body_image_credit"])
        problems.merge(try await uploadFeaturedImage(posted, into: &form, by: user))
        if let file = posted.files["body_image_file"] {
            do {
                let url = try await publishing.uploadImage(
                    PublishingService.FeaturedImageUpload(bytes: file.bytes, fileName: file.fileName, text: text),
                    by: user.author, fileField: "body_image_file", altField: "body_image_alt")
                let figure = FigureMarkup.html(url: url, alt: text.alt, caption: text.caption, credit: text.credit)
                form["body"] = FigureMarkup.insert(
                    figure, into: form["body"], atUTF16Offset: Int(posted.fields["body_cursor"]))
                for name in ["body_image_alt", "body_image_caption", "body_image_credit"] { form[name] = "" }
            } catch let refused as ValidationErrors {
                problems.merge(refused)
            }
        } else {
            problems.add("body_image_file", "Choose the image to insert.")
        }
        guard problems.isEmpty else {
            return renderer.page(
                editor(
                    form, user: user, article: existing, revision: revision, errors: problems,
                    general: "The image was not inserted. Please fix what is listed below."),
                status: .unprocessableContent)
        }
        return renderer.page(
            editor(
                form, user: user, article: existing, revision: revision,
                notice: "The image is in the body and in the media library. The article is not saved yet: save to "
                    + "keep it."))
    }

    /// Keeps the editor's form as it stands (the editor's script sends it every half minute while someone
    /// writes, and as they leave), or discards the kept copy. Answers in JSON for the script; a discard,
    /// sent by a plain button, goes back to the editor.
    package func autosave(_ request: Request, id: Int64?, context: NewsroomFormContext) async throws -> Response {
        let user = context.user
        let fields = context.form.fields
        var existing: ArticleDetails? = nil
        if let id { existing = try await access.editable(id, by: user) }
        let editorPath = id.map { AdminURL.article($0).path } ?? AdminURL.newArticle.path
        if fields["intent"] == "discard" {
            try await autosaves.discard(authorID: user.author.id, articleID: id)
            return PageRenderer.redirect(to: editorPath + "?discarded=1", permanent: false)
        }
        if let existing, !user.author.role.mayRevise(existing.summary.status) {
            return AutosaveAnswer.json(
                .forbidden, kept: nil, message: "This article is published or scheduled: an editor makes any change.")
        }
        var kept: [String: [String]] = [:]
        for name in ArticleEditorForm.names + ["comments", "correction_date", "correction_note"] {
            kept[name] = fields.values(name)
        }
        let revision = Int(fields["revision"]) ?? existing?.revision ?? 0
        guard
            let at = try await autosaves.keep(
                authorID: user.author.id, articleID: id, fields: kept, basedOnRevision: revision)
        else {
            return AutosaveAnswer.json(
                .contentTooLarge, kept: nil, message: "Too much to keep a copy of: save the article instead.")
        }
        let time = keptTime(at)
        return AutosaveAnswer.json(
            .ok, kept: time,
            message: "Unsaved changes kept at \(time) (\(self.time.zoneName)). Save to put them in the article.")
    }

    /// "10:42" today, "2 December 2026 at 10:42" before.
    private func keptTime(_ date: Date) -> String {
        let full = dates.longWithTime(date)
        return dates.long(date) == dates.long(clock.now()) ? String(full.suffix(5)) : full
    }

    /// "You have unsaved changes from 10:42": restore them or discard them.
    private func offer(_ copy: Autosaves.Copy, id: Int64?, user: SignedInUser) -> AutosaveOfferModel {
        let editorPath = id.map { AdminURL.article($0).path } ?? AdminURL.newArticle.path
        return AutosaveOfferModel(
            time: keptTime(copy.savedAt), restoreURL: editorPath + "?restore=autosave",
            discardAction: AdminURL.autosave(id).path)
    }

    /// The editor's Preview (opened in its own tab): the form as typed, on the article page in the site's
    /// theme. Nothing is stored, not even a chosen image file.
    package func preview(_ request: Request, id: Int64?, context: NewsroomFormContext) async throws -> Response {
        var existing: ArticleDetails? = nil
        if let id { existing = try await access.editable(id, by: context.user) }
        return try await preview.respond(
            ArticleEditorForm(fields: context.form.fields), existing: existing, user: context.user)
    }

    /// The editor filled with a form that arrived after its session ended: nothing of it was saved, and the
    /// person checks it and saves again (the revision it was based on still guards against overwriting).
    private func restore(
        _ kept: KeptForms.Found, id: Int64?, user: SignedInUser, forget: Cookie
    ) async throws -> Response {
        let fields = FormBody(fields: kept.fields)
        var existing: ArticleDetails? = nil
        if let id { existing = try await access.editable(id, by: user) }
        let time = dates.longWithTime(kept.keptAt)
        var response = renderer.page(
            editor(
                ArticleEditorForm(fields: fields), user: user, article: existing,
                revision: Int(fields["revision"]) ?? existing?.revision,
                general: "Nothing was saved when you sent this on \(time): your session had ended or the page had "
                    + "been open too long. Everything you typed is below. Check it, then save again"
                    + (fields["image_url"].isEmpty ? " (choose the image file again if you had picked one)." : ".")))
        response.setCookie(forget)
        return response
    }

    private func save(
        _ posted: PostedForm, id: Int64?, user: SignedInUser, existing: ArticleDetails?, revision: Int
    ) async throws -> Response {
        let fields = posted.fields
        var form = ArticleEditorForm(fields: fields)
        let now = clock.now()
        if let existing, !user.author.role.mayRevise(existing.summary.status) {
            return renderer.page(
                editor(
                    form, user: user, article: existing, revision: revision,
                    general: "This article is published or scheduled: an editor makes any further change."),
                status: .forbidden)
        }
        if fields["intent"] == "preview" {
            // Nothing is stored by a preview, not even a chosen image file.
            return try await preview.respond(form, existing: existing, user: user)
        }
        if fields["intent"] == "insert-image" {
            return try await insertImage(posted, form: form, user: user, existing: existing, revision: revision)
        }
        if let action = EditorAction(rawValue: fields["action"]) {
            form.status = action.status(
                current: existing?.summary.status, publishedAt: form.publishedAt(time, now: now), now: now)
            if action == .publishNow { form["published_at"] = "" }
        }
        guard user.author.role.allowedArticleStatuses.contains(form.status) else {
            return renderer.page(
                editor(
                    form, user: user, article: existing, revision: revision,
                    general: "Your role can save drafts and submit them for review; an editor publishes."),
                status: .forbidden)
        }
        var problems = try await uploadFeaturedImage(posted, into: &form, by: user)
        // Without the right the file field is not on the page, so its message goes at the top.
        let general = user.can(.uploadMedia) ? nil : problems.message(for: "image_file")
        let (draft, readErrors) = form.draft(
            authorID: existing?.authorID ?? user.author.id, time: time, now: now)
        problems.merge(readErrors)
        if !problems.isEmpty {
            // Everything else is checked too, so every problem is named at once.
            do { _ = try draft.validated(now: now) } catch { problems.merge(error) }
            return renderer.page(
                editor(form, user: user, article: existing, revision: revision, errors: problems, general: general),
                status: .unprocessableContent)
        }
        do {
            let saved = try await publishing.save(
                draft, id: id, expectedRevision: existing == nil ? nil : revision, savedBy: user.author.id,
                writtenBy: user.author.role.htmlTrust,
                newsletter: form["newsletter"] == "1" && user.author.role.rank >= Role.author.rank)
            if let action = AuditAction.statusChange(from: existing?.summary.status, to: draft.status) {
                await audit.record(action, by: user.author, target: AuditLog.article(saved.id, draft.title))
            }
            // The kept copy is in the article now (a new article's copy was kept under "new").
            try? await autosaves.discard(authorID: user.author.id, articleID: id)
            let was = existing?.summary.status.rawValue ?? "new"
            return PageRenderer.redirect(
                to: AdminURL.article(saved.id).path + "?saved=1&was=" + was, permanent: false)
        } catch let errors as ValidationErrors {
            return renderer.page(
                editor(form, user: user, article: existing, revision: revision, errors: errors),
                status: .unprocessableContent)
        } catch let conflict as EditConflict {
            let current = conflict.current
            let sameAccount = conflict.savedBy == user.author.id
            let model = EditConflictView.model(
                theirs: current.map { ArticleEditorForm(details: $0, time: time) } ?? ArticleEditorForm(), yours: form,
                sameAccount: sameAccount)
            return renderer.page(
                editor(
                    form, user: user, article: current, revision: conflict.currentRevision,
                    general: EditConflictView.message(sameAccount: sameAccount), conflict: model),
                status: .conflict)
        }
    }

    private func editor(
        _ form: ArticleEditorForm, user: SignedInUser, article: ArticleDetails?, revision: Int? = nil,
        notice: String? = nil, errors: ValidationErrors = ValidationErrors(), general: String? = nil,
        conflict: ConflictModel? = nil
    ) -> EditorPage {
        // Validation names a few fields differently from the form.
        let aliases = ["image": "image_url"]
        var fields: [String: EditorField] = [:]
        for name in ArticleEditorForm.names {
            let message =
                errors.message(for: name) ?? aliases.first { $0.value == name }.flatMap { errors.message(for: $0.key) }
            fields[name] = EditorField(value: form[name], error: message)
        }
        fields["image_file"] = EditorField(value: "", error: errors.message(for: "image_file"))
        fields["body_image_file"] = EditorField(value: "", error: errors.message(for: "body_image_file"))
        let comments = CommentStatus.allCases.map {
            OptionModel(value: $0.rawValue, label: $0 == .open ? "Open" : "Closed", selected: $0 == form.comments)
        }
        // Every existing correction can be edited or emptied, and one empty row adds a new one (rows sent
        // back empty, by a preview or a mistake, are not shown again: they would pile up).
        let rows = form.corrections.filter { !$0.note.isEmpty || !$0.date.isEmpty }
        let corrections =
            rows.enumerated().map {
                CorrectionRowModel(
                    number: $0.offset + 1, date: $0.element.date, note: $0.element.note,
                    dateError: errors.message(for: "correction_date_\($0.offset + 1)") != nil)
            } + [CorrectionRowModel(number: rows.count + 1, date: "", note: "", dateError: false)]
        let correctionsError = errors.issues.first { $0.field.hasPrefix("correction_date_") }?.message
        let id = article?.summary.id
        let current = article?.summary.status
        let isTrashed = current == .trashed
        let mayTrash = article != nil && user.author.role.allowedArticleStatuses.contains(.trashed)
        let now = clock.now()
        let scheduling = form.publishedAt(time, now: now).map { $0 > now } ?? false
        let actions = EditorAction.offered(role: user.author.role, current: current, scheduling: scheduling).map {
            EditorActionModel(value: $0.rawValue, label: $0.label(current: current), isPrimary: $0.isPrimary)
        }
        let problems = Self.inPageOrder(errors.issues).map { issue in
            ProblemModel(field: aliases[issue.field] ?? issue.field, message: issue.message)
        }
        return EditorPage(
            chrome: renderer.chrome(
                title: id == nil ? "New article" : "Edit article", user: user, current: "articles", notice: notice),
            heading: id == nil ? "New article" : "Edit article",
            action: id.map { AdminURL.article($0).path } ?? AdminURL.newArticle.path,
            previewAction: AdminURL.articlePreview(id).path,
            revision: String(revision ?? article?.revision ?? 0),
            generalError: general
                ?? (errors.isEmpty
                    ? nil : "The article was not saved. Please fix what is listed below, then save again."),
            problems: problems, hasProblems: !problems.isEmpty, conflict: conflict, viewURL: article.flatMap(viewURL),
            fields: fields,
            state: article.map(stateLine) ?? "New article: not saved yet.", timeZone: time.zoneName,
            timeExample: NewsroomTime.example, actions: actions, defaultAction: actions.first?.value,
            commentOptions: comments, corrections: corrections, correctionsError: correctionsError,
            historyURL: id.map { AdminURL.revisions($0).path }, mayUpload: user.can(.uploadMedia),
            autosaveAction: AdminURL.autosave(id).path,
            unsaved: form.differs(from: article.map { ArticleEditorForm(details: $0, time: time) }),
            share: article.flatMap(shareLink),
            statusChange: mayTrash
                ? StatusChangeModel(
                    action: AdminURL.articleStatus(id ?? 0).path, status: isTrashed ? "draft" : "trashed",
                    label: isTrashed ? "Restore from the trash (as a draft)" : "Move to the trash",
                    revision: String(article?.revision ?? 0)) : nil,
            newsletter: user.author.role.rank >= Role.author.rank && newsletters != nil
                ? NewsletterChoiceModel(newsletterChecked: form["newsletter"] == "1", newsletterState: nil) : nil)
    }

    /// What became of an article's newsletter, in words.
    private func newsletterState(_ newsletter: NewsletterService.ArticleNewsletter) -> String {
        let count = newsletter.recipients == 1 ? "one subscriber" : "\(newsletter.recipients) subscribers"
        switch newsletter.status {
        case "waiting": return "It goes to its subscribers by email when it is published."
        case "sending": return "It is being sent to its subscribers (\(count) so far)."
        case "cancelled": return "Its newsletter was not sent: the article was taken down first."
        default:
            let day = newsletter.finishedAt.map { " on " + dates.long($0) } ?? ""
            return "Sent by email to \(count)\(day)."
        }
    }

    /// The fields in the order the editor shows them, for the list of problems at the top.
    private static let pageOrder =
        ["title", "dek", "body", "body_image_file", "body_image_alt", "corrections"] + [
            "excerpt", "published_at", "slug", "category", "tags", "source", "source_url", "image_file", "image_url",
            "image", "image_alt", "image_caption", "image_credit", "canonical_url",
        ]

    private static func inPageOrder(_ issues: [ValidationIssue]) -> [ValidationIssue] {
        func rank(_ field: String) -> Int {
            let name = field.hasPrefix("correction_date_") ? "corrections" : field
            return pageOrder.firstIndex(of: name) ?? pageOrder.count
        }
        return issues.enumerated().sorted { (rank($0.element.field), $0.offset) < (rank($1.element.field), $1.offset) }
            .map(\.element)
    }

    /// Where the article stands, in words: "Published 2 December 2026 at 10:00", "Draft: only the newsroom sees it".
    private func stateLine(_ details: ArticleDetails) -> String {
        let summary = details.summary
        switch summary.status {
        case .published:
            return "Published " + (summary.publishedAt.map(dates.longWithTime) ?? "") + "."
        case .scheduled:
            return "Scheduled for " + (summary.publishedAt.map(dates.longWithTime) ?? "") + " (\(time.zoneName))."
        case .pending: return "Waiting for an editor's review."
        case .draft: return "Draft: only the newsroom sees it."
        case .trashed: return "In the trash."
        }
    }

    /// A link for people without an account, while the article is saved but not out.
    private func shareLink(_ details: ArticleDetails) -> ShareLinkModel? {
        guard [.draft, .pending, .scheduled].contains(details.summary.status) else { return nil }
        let (token, until) = previewLinks.token(articleID: details.summary.id)
        return ShareLinkModel(
            url: urls.absolute(path: SiteURL.preview(token: token)),
            until: dates.longWithTime(until) + " (\(time.zoneName))")
    }

    /// What a save did, in words: "Published", "Scheduled for 3 December 2026 at 09:30 (Europe/Paris)",
    /// "Sent for review"…, from the article as it now stands and the status it had before (nil: new).
    private func outcome(of details: ArticleDetails, was: ArticleStatus?) -> String {
        switch details.summary.status {
        case .published:
            return was == .published ? "Updated. Readers see the new version now." : "Published."
        case .scheduled:
            let time = details.summary.publishedAt.map(dates.longWithTime) ?? "its publication time"
            return "Scheduled for \(time) (\(self.time.zoneName)). It appears on the site then."
        case .pending:
            return was == .pending
                ? "Saved. It is still waiting for an editor's review."
                : "Sent for review. An editor will read it and publish it."
        case .draft:
            return was == .published || was == .scheduled
                ? "Unpublished. It is a draft again and no longer on the site."
                : "Draft saved. Only the newsroom sees it."
        case .trashed:
            return "Moved to the trash."
        }
    }

    private func viewURL(_ details: ArticleDetails) -> String? {
        details.summary.status == .published ? urls.article(details.summary) : nil
    }
}
