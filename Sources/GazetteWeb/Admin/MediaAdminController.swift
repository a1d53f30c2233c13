import Foundation
import GazetteContent
import GazetteServices
import GazetteStorage
import HTTPTypes
import Hummingbird

/// The newsroom's media library: upload images with their alternative text and credit, list them, edit the
/// text and delete. Authors and above upload; people change their own uploads, editors change any.
package struct MediaAdminController: Sendable {
    package let renderer: AdminRenderer
    package let library: MediaLibrary
    package let urls: SiteURL
    package let site: LiveSiteSettings
    package let audit: AuditLog
    package var dates: DateText { site.dates }
    package let pageSize = 40

    package init(
        renderer: AdminRenderer, library: MediaLibrary, urls: SiteURL, site: LiveSiteSettings,
        audit: AuditLog
    ) {
        self.renderer = renderer
        self.library = library
        self.urls = urls
        self.site = site
        self.audit = audit
    }
    /// An image at the size limit plus the form's text fields.
    package static let bodyLimit = MediaRules.maximumBytes + 256 * 1024

    package func list(_ request: Request, context: NewsroomContext) async throws -> Response {
        let user = context.user
        let number = request.uri.queryParameters["page"].flatMap { Int(String($0)) } ?? 1
        let notice = request.uri.queryParameters["done"].flatMap { Self.notices[String($0)] }
        return try await listPage(user: user, page: number, form: .empty, notice: notice)
    }

    package func upload(_ request: Request, context: NewsroomFormContext) async throws -> Response {
        let (user, posted) = (context.user, context.form)
        let text = MediaText(
            alt: posted.fields["alt"], caption: posted.fields["caption"], credit: posted.fields["credit"])
        guard let file = posted.files["file"] else {
            return try await listPage(
                user: user, page: 1, form: Self.form(text, fileError: "Choose an image to upload."),
                status: .unprocessableContent)
        }
        do {
            let item = try await library.upload(
                file.bytes, originalName: file.fileName, text: text, uploadedBy: user.author.id)
            return PageRenderer.redirect(to: AdminURL.mediaItem(item.id).path + "?done=uploaded", permanent: false)
        } catch let refusal as MediaRefusal {
            return try await listPage(
                user: user, page: 1, form: Self.form(text, fileError: refusal.message), status: .unprocessableContent)
        } catch let errors as ValidationErrors {
            return try await listPage(
                user: user, page: 1,
                form: Self.form(text, errors: errors, fileError: "Choose the file again after fixing the fields."),
                status: .unprocessableContent)
        }
    }

    package func show(_ request: Request, id: Int64, context: NewsroomContext) async throws -> Response {
        let user = context.user
        let item = try await find(id)
        let notice = request.uri.queryParameters["done"].flatMap { Self.notices[String($0)] }
        return itemPage(
            item, user: user, form: Self.form(MediaText(alt: item.alt, caption: item.caption, credit: item.credit)),
            notice: notice)
    }

    package func update(_ request: Request, id: Int64, context: NewsroomFormContext) async throws -> Response {
        let (user, posted) = (context.user, context.form)
        let item = try await find(id)
        guard mayChange(item, user) else { return renderer.forbidden(user) }
        let text = MediaText(
            alt: posted.fields["alt"], caption: posted.fields["caption"], credit: posted.fields["credit"])
        do {
            try await library.updateText(id: id, text)
        } catch let errors as ValidationErrors {
            return itemPage(item, user: user, form: Self.form(text, errors: errors), status: .unprocessableContent)
        }
        return PageRenderer.redirect(to: AdminURL.mediaItem(id).path + "?done=saved", permanent: false)
    }

    package func delete(_ request: Request, id: Int64, context: NewsroomFormContext) async throws -> Response {
        let user = context.user
        let item = try await find(id)
        guard mayChange(item, user) else { return renderer.forbidden(user) }
        try await library.delete(item)
        await audit.record(.mediaDeleted, by: user.author, target: "\(item.path) (image \(item.id))")
        return PageRenderer.redirect(to: AdminURL.media.path + "?done=deleted", permanent: false)
    }

    // MARK: Pages

    package static let notices = [
        "uploaded": "Uploaded. Use the address or the Markdown below in an article.",
        "saved": "Saved.", "deleted": "The image was deleted.",
    ]

    private func listPage(
        user: SignedInUser, page number: Int, form: MediaFormModel, notice: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let request =
            PageRequest(number: max(1, min(number, 100_000)), size: pageSize) ?? PageRequest(number: 1, size: pageSize)!
        let page = try await library.page(request)
        let cards = page.items.map {
            MediaCardModel(
                url: SiteURL.media($0.path), editURL: AdminURL.mediaItem($0.id).path, alt: $0.alt,
                name: $0.originalName,
                details: details($0))
        }
        let pager = PagerModel(page: page) { AdminURL.media.path + "?page=\($0)" }
        return renderer.page(
            MediaLibraryPage(
                chrome: renderer.chrome(title: "Media", user: user, current: "media", notice: notice), upload: form,
                items: cards, isEmpty: cards.isEmpty, pager: pager), status: status)
    }

    private func itemPage(
        _ item: MediaItem, user: SignedInUser, form: MediaFormModel, notice: String? = nil,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let url = SiteURL.media(item.path)
        let altForMarkdown = item.alt.replacingOccurrences(of: "]", with: "\\]")
        return renderer.page(
            MediaItemPage(
                chrome: renderer.chrome(title: item.originalName, user: user, current: "media", notice: notice),
                id: String(item.id), url: url, absoluteURL: urls.absolute(path: url),
                markdown: "![\(altForMarkdown)](\(url))", name: item.originalName, details: details(item), form: form,
                mayChange: mayChange(item, user), deleteURL: AdminURL.mediaItem(item.id).path + "/delete"),
            status: status)
    }

    private func details(_ item: MediaItem) -> String {
        var parts = [item.format.rawValue.uppercased()]
        if let size = item.size { parts.append("\(size.width) × \(size.height)") }
        parts.append(Self.byteText(item.byteCount))
        parts.append("uploaded \(dates.longWithTime(item.uploadedAt))" + (item.uploadedBy.map { " by \($0)" } ?? ""))
        return parts.joined(separator: " · ")
    }

    package static func byteText(_ count: Int) -> String {
        count >= 1_048_576
            ? String(format: "%.1f MB", Double(count) / 1_048_576) : "\(max(1, (count + 1023) / 1024)) KB"
    }

    package static func form(
        _ text: MediaText, errors: ValidationErrors = ValidationErrors(), fileError: String? = nil
    ) -> MediaFormModel {
        MediaFormModel(
            alt: EditorField(value: text.alt, error: errors.message(for: "alt")),
            caption: EditorField(value: text.caption, error: errors.message(for: "caption")),
            credit: EditorField(value: text.credit, error: errors.message(for: "credit")), fileError: fileError,
            generalError: errors.isEmpty && fileError == nil ? nil : "Nothing was saved: see the messages below.")
    }

    private func find(_ id: Int64) async throws -> MediaItem {
        guard let item = try await library.find(id: id) else { throw HTTPError(.notFound) }
        return item
    }

    private func mayChange(_ item: MediaItem, _ user: SignedInUser) -> Bool {
        user.can(.editAnyArticle) || item.uploaderID == user.author.id
    }
}

extension MediaFormModel {
    package static let empty = MediaAdminController.form(MediaText(alt: ""))
}
