import Foundation
import GazetteContent
import GazetteServices
import HTTPTypes
import Hummingbird

/// The subscribers screen, for admins: counts, search, removal (a reader's request to be forgotten), and
/// CSV out and in, with the consent dates that make the list lawful to mail.
package struct SubscribersController: Sendable {
    package let renderer: AdminRenderer
    package let roster: SubscriberRoster
    package let site: LiveSiteSettings
    package let pageSize = 50
    /// A CSV of some 100,000 readers fits.
    package static let bodyLimit = 16 * 1024 * 1024

    package init(renderer: AdminRenderer, roster: SubscriberRoster, site: LiveSiteSettings) {
        self.renderer = renderer
        self.roster = roster
        self.site = site
    }

    package func list(_ request: Request, context: NewsroomContext) async throws -> Response {
        let query = FormBody(request.uri.query ?? "")
        let notice =
            query["imported"].isEmpty
            ? (query["removed"].isEmpty ? nil : "Removed \(query["removed"]).") : query["imported"]
        return renderer.page(
            try await page(
                user: context.user, search: String(query["q"].prefix(200)),
                page: min(max(1, Int(query["page"]) ?? 1), 100_000), notice: notice))
    }

    /// `POST /admin/subscribers`: a CSV file to import.
    package func importFile(_ request: Request, context: NewsroomFormContext) async throws -> Response {
        guard let file = context.form.files["csv_file"], !file.bytes.isEmpty else {
            return renderer.page(
                try await page(user: context.user, importError: "Choose a CSV file to import."),
                status: .unprocessableContent)
        }
        guard let text = String(validating: file.bytes, as: UTF8.self) else {
            return renderer.page(
                try await page(user: context.user, importError: "The file is not UTF-8 text: save it as CSV (UTF-8)."),
                status: .unprocessableContent)
        }
        do {
            let result = try await roster.importCSV(text, source: "import by \(context.user.author.name)")
            let said =
                "Imported \(result.added) new subscriber(s); \(result.updated) gained topics; \(result.refused) "
                + "had unsubscribed or bounced and were left out."
            return PageRenderer.redirect(
                to: AdminURL.subscribers.path + "?imported=" + FormBody.encode(said), permanent: false)
        } catch let errors as ValidationErrors {
            return renderer.page(
                try await page(user: context.user, importError: errors.issues.map(\.message).joined(separator: "\n")),
                status: .unprocessableContent)
        }
    }

    /// `POST /admin/subscribers/:id/remove`.
    package func remove(_ request: Request, id: Int64, context: NewsroomFormContext) async throws -> Response {
        guard let found = try await roster.find(id: id) else {
            throw HTTPError(.notFound)
        }
        try await roster.remove(id: id)
        return PageRenderer.redirect(
            to: AdminURL.subscribers.path + "?removed=" + FormBody.encode(found.email), permanent: false)
    }

    /// `GET /admin/subscribers/export.csv`: every subscriber, written out a page at a time.
    package func export(_ request: Request, context: NewsroomContext) async throws -> Response {
        var text = ""
        try await roster.exportCSV { text += $0 }
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"subscribers.csv\""
        headers[.cacheControl] = "private, no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private func page(
        user: SignedInUser, search: String = "", page number: Int = 1, notice: String? = nil,
        importError: String? = nil
    ) async throws -> SubscribersPage {
        let counts = try await roster.counts()
        let found = try await roster.list(search: search, limit: pageSize + 1, offset: (number - 1) * pageSize)
        func address(_ page: Int) -> String {
            AdminURL.subscribers.path + "?" + (search.isEmpty ? "" : "q=\(FormBody.encode(search))&") + "page=\(page)"
        }
        let dates = site.dates
        let newer = number > 1 ? address(number - 1) : nil
        let older = found.count > pageSize ? address(number + 1) : nil
        return SubscribersPage(
            chrome: renderer.chrome(title: "Subscribers", user: user, current: "subscribers", notice: notice),
            counts: SubscriberStatus.allCases.map { "\(counts.byStatus[$0] ?? 0) \($0.rawValue)" }
                .joined(separator: " · "),
            newsletterReaders: String(counts.newsletterReaders), search: search,
            rows: found.prefix(pageSize).map { reader in
                SubscriberRow(
                    email: reader.email, status: reader.status.rawValue, isStopped: reader.status != .active,
                    topics: reader.topics.isEmpty
                        ? "nothing confirmed"
                        : reader.topics.map(\.rawValue).joined(
                            separator: ", "),
                    consent: (reader.confirmedAt.map { dates.long($0) } ?? "not confirmed")
                        + (reader.consent.isEmpty ? "" : " (\(reader.consent))"),
                    removeAction: AdminURL.removeSubscriber(reader.id).path)
            },
            isEmpty: found.isEmpty, newerURL: newer, olderURL: older, hasPager: newer != nil || older != nil,
            exportURL: AdminURL.subscribersExport.path,
            importError: importError)
    }
}
