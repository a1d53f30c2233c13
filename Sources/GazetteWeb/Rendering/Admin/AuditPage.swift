/// The audit log for admins: lines newest first, with filters by action, person, address and dates.
package struct AuditPage: AdminPage {
    package static let template = "audit"

    package let chrome: AdminChrome
    package let actionOptions: [OptionModel]
    package let person: String
    package let address: String
    package let from: String
    package let to: String
    package let rows: [AuditRow]
    package let isEmpty: Bool
    package let pager: PagerModel?
    /// "1,204 lines", or how many match the filters.
    package let summary: String
    package let filterError: String?
}

package struct AuditRow: Sendable {
    package let date: String
    /// Machine-readable, for the `<time>` element.
    package let isoDate: String
    package let action: String
    package let isWarning: Bool
    package let actor: String
    package let target: String
    package let detail: String
    package let address: String
}
