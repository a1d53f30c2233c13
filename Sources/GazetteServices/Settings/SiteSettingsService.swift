import Foundation
import GazetteContent
import GazetteStorage

/// Reads and changes the site's identity settings (`site.*`), kept in the database so every instance and
/// every restart sees the newsroom's choice; the configuration only gives the starting values.
public struct SiteSettingsService: Sendable {
    private let settings: SettingsStore
    private let defaults: SiteIdentity
    public let live: LiveSiteSettings
    private let changes: ContentChanges

    package init(settings: SettingsStore, defaults: SiteIdentity, changes: ContentChanges) {
        self.settings = settings
        self.defaults = defaults
        self.changes = changes
        live = LiveSiteSettings(defaults)
    }

    /// Re-reads the stored values; a value that no longer reads (say, a time zone removed from the system)
    /// falls back to the configuration's rather than stopping the site.
    public func refresh() async throws {
        let stored = try await settings.values(prefixed: "site.")
        var identity = defaults
        for (name, value) in stored {
            if let one = try? SiteIdentity(values: [name: value], defaults: identity) { identity = one }
        }
        if live.replace(with: identity) { await changes.publish(.everything) }
    }

    /// Checks and stores the given `site.*` values, with `others` (settings their owner already checked) in
    /// the same transaction. Throws `ValidationErrors` by setting name; nothing is stored unless every value
    /// is good.
    public func update(_ values: [String: String], storingAlso others: [String: String] = [:]) async throws {
        let known = Set(SiteIdentity.names.map(\.name))
        var errors = ValidationErrors()
        for name in values.keys where !known.contains(name) { errors.add(name, "There is no setting named \(name).") }
        try errors.throwIfAny()
        let identity = try SiteIdentity(values: values, defaults: live.current)
        var stored = others
        stored.merge(values.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }) { _, new in new }
        // Announced inside the write, so other instances hear of it even if this one stops right after; the
        // identity is replaced before this instance's cache is emptied, so no page is rendered with the old one.
        let values = stored
        try await changes.committing(.everything) {
            try await settings.set(values)
            live.replace(with: identity)
        }
    }
}
