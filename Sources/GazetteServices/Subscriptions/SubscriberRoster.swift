import Foundation
import GazetteContent
import GazetteStorage

/// The subscribers as the newsroom manages them: counts, search, removal, and CSV in and out
/// (`email,topics,consent_date,consent`, the consent date kept as the record of their agreement).
public struct SubscriberRoster: Sendable {
    private let store: SubscriberStore
    private let clock: Clock
    /// Rows written per transaction on import.
    static let importBatch = 500
    /// The export's and the import's columns.
    public static let columns = ["email", "topics", "consent_date", "consent", "status"]

    package init(store: SubscriberStore, clock: Clock) {
        self.store = store
        self.clock = clock
    }

    public func counts() async throws -> (byStatus: [SubscriberStatus: Int], newsletterReaders: Int) {
        try await store.counts()
    }

    public func list(search: String, limit: Int, offset: Int) async throws -> [SubscriberStore.Listed] {
        try await store.list(search: search, limit: limit, offset: offset)
    }

    /// One subscriber by number, as the list shows them.
    public func find(id: Int64) async throws -> SubscriberStore.Listed? {
        try await store.list(limit: 1, afterID: id - 1).first { $0.id == id }
    }

    @discardableResult
    public func remove(id: Int64) async throws -> Bool {
        try await store.remove(id: id)
    }

    /// Every subscriber as CSV, a page at a time, handed to `write` (a file, a response body).
    public func exportCSV(_ write: (String) async throws -> Void) async throws {
        try await write(CSVText.line(Self.columns))
        var after: Int64 = 0
        while true {
            let page = try await store.list(limit: 1_000, afterID: after)
            guard let last = page.last else { return }
            var text = ""
            for subscriber in page {
                // Readers who only follow discussions are left out: those topics name this site's articles.
                let topics = subscriber.topics.filter(\.isNewsletter)
                if subscriber.status == .active && topics.isEmpty { continue }
                text += CSVText.line([
                    subscriber.email, topics.map(\.rawValue).joined(separator: " "),
                    subscriber.confirmedAt.map(Self.iso) ?? "", subscriber.consent, subscriber.status.rawValue,
                ])
            }
            try await write(text)
            after = last.id
        }
    }

    /// Reads subscribers from CSV with a header line; checks every line first, and imports nothing when
    /// one is wrong (each problem named with its line). Throws `ValidationErrors` on the field `csv`.
    public func importCSV(_ text: String, source: String = "import") async throws -> SubscriberStore.ImportResult {
        // Spreadsheets' "CSV UTF-8" starts with a byte-order mark.
        let rows = CSVText.rows(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        guard let header = rows.first?.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) else {
            throw Self.problem("The file is empty: the first line names the columns (email, topics, consent_date).")
        }
        guard let email = header.firstIndex(of: "email"), let consentDate = header.firstIndex(of: "consent_date")
        else {
            throw Self.problem(
                "The first line must name the columns, with at least email and consent_date (when they agreed).")
        }
        let topicsColumn = header.firstIndex(of: "topics")
        let consentColumn = header.firstIndex(of: "consent")
        let statusColumn = header.firstIndex(of: "status")
        var imported: [SubscriberStore.Imported] = []
        var problems: [String] = []
        for (index, row) in rows.dropFirst().enumerated() {
            let line = index + 2
            func cell(_ column: Int?) -> String {
                guard let column, column < row.count else { return "" }
                return row[column].trimmingCharacters(in: .whitespaces)
            }
            // An export quotes an address a spreadsheet would take for a formula: the quote goes again.
            var typed = cell(email)
            if typed.hasPrefix("'"), let first = typed.dropFirst().first, "=+-@".contains(first) {
                typed.removeFirst()
            }
            guard let address = MailAddress(typed) else {
                problems.append("Line \(line): “\(typed.prefix(80))” is not an email address.")
                continue
            }
            // Readers who left or bounced elsewhere come as such: kept so they are never mailed.
            if let stopped = SubscriberStatus(rawValue: cell(statusColumn).lowercased()), stopped != .active {
                imported.append(
                    .init(email: address.address, topics: [], consentedAt: .distantPast, consent: "", status: stopped))
                continue
            }
            guard let date = Self.date(cell(consentDate)) else {
                problems.append(
                    "Line \(line): the consent date “\(cell(consentDate).prefix(40))” is missing or unreadable "
                        + "(write 2026-11-03, or 2026-11-03T10:30:00Z).")
                continue
            }
            let words = cell(topicsColumn).split(whereSeparator: { $0 == " " || $0 == ";" }).map(String.init)
            let topics = words.compactMap(SubscriptionTopic.init(rawValue:)).filter(\.isNewsletter)
            if topics.count != words.count {
                problems.append(
                    "Line \(line): “\(cell(topicsColumn).prefix(80))” has a topic that is not site, category:…, "
                        + "tag:… or author:….")
                continue
            }
            let consent = cell(consentColumn).isEmpty ? source : String(cell(consentColumn).prefix(200))
            imported.append(
                .init(
                    email: address.address, topics: topics.isEmpty ? [.site] : topics, consentedAt: date,
                    consent: consent))
        }
        guard problems.isEmpty else {
            let shown = problems.prefix(20).joined(separator: "\n")
            let more = problems.count > 20 ? "\n…and \(problems.count - 20) more." : ""
            throw Self.problem("Nothing was imported. Fix these lines, then import again:\n" + shown + more)
        }
        var total = SubscriberStore.ImportResult()
        var start = 0
        while start < imported.count {
            let part = try await store.importSubscribers(
                Array(imported[start..<min(start + Self.importBatch, imported.count)]), now: clock.now())
            total.added += part.added
            total.updated += part.updated
            total.refused += part.refused
            start += Self.importBatch
        }
        return total
    }

    private static func problem(_ message: String) -> ValidationErrors {
        ValidationErrors([ValidationIssue(field: "csv", message: message)])
    }

    static func iso(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// `2026-11-03` (midnight UTC) or a full ISO 8601 time.
    static func date(_ text: String) -> Date? {
        if let full = try? Date(text, strategy: .iso8601) { return full }
        return try? Date(text + "T00:00:00Z", strategy: .iso8601)
    }
}
