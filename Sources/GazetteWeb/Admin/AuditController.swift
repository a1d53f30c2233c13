import Foundation
import GazetteContent
import GazetteServices
import Hummingbird

/// The audit log screen, for admins: who did what, from where, when, filtered by action, person, address and
/// dates (days in the site's time zone).
package struct AuditController: Sendable {
    package let renderer: AdminRenderer
    package let audit: AuditLog
    package let site: LiveSiteSettings
    package var dates: DateText { site.dates }
    package let pageSize = 50

    package init(renderer: AdminRenderer, audit: AuditLog, site: LiveSiteSettings) {
        self.renderer = renderer
        self.audit = audit
        self.site = site
    }

    package func list(_ request: Request, context: NewsroomContext) async throws -> Response {
        let user = context.user
        // Read as a form: browsers send the filter form's spaces as "+".
        let query = FormBody(request.uri.query ?? "")
        func text(_ name: String) -> String { String(query[name].prefix(200)) }
        let chosen = (
            action: text("action"), person: text("person"), address: text("address"), from: text("from"),
            to: text("to")
        )
        var filterError: String?
        let from = Self.day(chosen.from, in: dates.timeZone)
        let to = Self.day(chosen.to, in: dates.timeZone)
        if (!chosen.from.isEmpty && from == nil) || (!chosen.to.isEmpty && to == nil) {
            filterError = "Dates are written as year-month-day, such as 2026-12-03; the wrong one was left out."
        }
        let filter = AuditFilter(
            action: AuditAction(rawValue: chosen.action), person: chosen.person, address: chosen.address, from: from,
            // The "to" day is included whole.
            until: to.map { $0.addingTimeInterval(86_400) })
        let number = PageRequest(segment: query["page"], size: pageSize)?.number ?? 1
        guard let pageRequest = PageRequest(number: number, size: pageSize) else { throw HTTPError(.notFound) }
        let page = try await audit.page(filter, pageRequest)
        func address(page: Int) -> String {
            let parts = [
                ("action", chosen.action), ("person", chosen.person), ("address", chosen.address),
                ("from", chosen.from), ("to", chosen.to), ("page", String(page)),
            ]
            return AdminURL.audit.path + "?"
                + parts.filter { !$0.1.isEmpty }.map { "\($0.0)=\(FormBody.encode($0.1))" }.joined(separator: "&")
        }
        let rows = page.items.map { event in
            AuditRow(
                date: dates.longWithTime(event.at), isoDate: dates.iso(event.at), action: event.action.label,
                isWarning: event.action.isWarning, actor: event.actorName.isEmpty ? "—" : event.actorName,
                target: event.target, detail: event.detail, address: event.address)
        }
        let options =
            [OptionModel(value: "", label: "Everything", selected: filter.action == nil)]
            + AuditAction.allCases.map {
                OptionModel(value: $0.rawValue, label: $0.label, selected: $0 == filter.action)
            }
        let pager = PagerModel(page: page) { address(page: $0) }
        return renderer.page(
            AuditPage(
                chrome: renderer.chrome(title: "Audit log", user: user, current: "audit"), actionOptions: options,
                // A date that could not be read is not shown back: the date field holds only real dates.
                person: chosen.person, address: chosen.address, from: from == nil ? "" : chosen.from,
                to: to == nil ? "" : chosen.to, rows: rows,
                isEmpty: rows.isEmpty, pager: pager,
                summary: "\(page.totalItems) line\(page.totalItems == 1 ? "" : "s")", filterError: filterError))
    }

    /// The start of a `YYYY-MM-DD` day in the site's time zone, or nil for anything else.
    package static func day(_ text: String, in timeZone: TimeZone) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1970...9999).contains(year), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components),
            calendar.component(.day, from: date) == day
        else { return nil }
        return date
    }
}
