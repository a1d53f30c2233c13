/// The audit log for admins: lines newest first, with filters by action, person, address and dates.
struct AuditPage: Sendable {
    let chrome: AdminChrome
    let actionOptions: [OptionModel]
    let person: String
    let address: String
    let from: String
    let to: String
    let rows: [AuditRow]
    let isEmpty: Bool
    let pager: PagerModel?
    /// "1,204 lines", or how many match the filters.
    let summary: String
    let filterError: String?
}

struct AuditRow: Sendable {
    let date: String
    /// Machine-readable, for the `<time>` element.
    let isoDate: String
    let action: String
    let isWarning: Bool
    let actor: String
    let target: String
    let detail: String
    let address: String
}
