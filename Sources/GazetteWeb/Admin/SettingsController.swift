import Foundation
import GazetteContent
import GazetteServices
import HTTPTypes
import Hummingbird

/// The site's settings for admins: identity (title, tagline, language, time zone, articles per page) and the
/// comment rules. Every value is checked before any is stored; refused values come back with a message.
package struct SettingsController: Sendable {
    package let renderer: AdminRenderer
    package let site: SiteSettingsService
    package let comments: CommentService
    package let audit: AuditLog

    package init(
        renderer: AdminRenderer, site: SiteSettingsService, comments: CommentService, audit: AuditLog
    ) {
        self.renderer = renderer
        self.site = site
        self.comments = comments
        self.audit = audit
    }

    package func show(_ request: Request, context: NewsroomContext) async throws -> Response {
        let user = context.user
        var values = site.live.current.values
        values.merge(try await comments.currentSettings().values) { _, new in new }
        let notice = request.uri.queryParameters["saved"] != nil ? "Settings saved." : nil
        return renderer.page(page(values: values, user: user, notice: notice))
    }

    package func save(_ request: Request, context: NewsroomFormContext) async throws -> Response {
        let (user, posted) = (context.user, context.form)
        let fields = posted.fields
        var siteValues = [String: String]()
        for (name, _) in SiteIdentity.names { siteValues[name] = fields[name] }
        var commentValues = [String: String]()
        for (name, _) in CommentSettings.names where Self.commentFields.contains(name) {
            commentValues[name] = fields[name]
        }
        // Both groups are checked first, so a mistake in one stores nothing of the other.
        var errors = ValidationErrors()
        do { _ = try SiteIdentity(values: siteValues, defaults: site.live.current) } catch { errors = error }
        do { _ = try CommentSettings(values: commentValues) } catch {
            for issue in error.issues { errors.add(issue.field, issue.message) }
        }
        if errors.isEmpty {
            var before = site.live.current.values
            before.merge(try await comments.currentSettings().values) { _, new in new }
            try await site.update(siteValues, storingAlso: commentValues)
            await comments.settingsChanged()
            var after = site.live.current.values
            after.merge(try await comments.currentSettings().values) { _, new in new }
            let changed = after.keys.filter { before[$0] != after[$0] }.sorted()
            if !changed.isEmpty {
                await audit.record(.settingsChanged, by: user.author, detail: changed.joined(separator: ", "))
            }
            return PageRenderer.redirect(to: AdminURL.settings.path + "?saved=1", permanent: false)
        }
        var typed = siteValues
        typed.merge(commentValues) { _, new in new }
        return renderer.page(
            page(values: typed, user: user, errors: errors), status: .unprocessableContent)
    }

    /// The comment settings shown here; the anti-spam timings stay with `gazette settings`.
    package static let commentFields: Set<String> = [
        "comments.policy", "comments.max_links", "comments.moderation_words", "comments.block_list",
        "comments.thread_depth", "comments.per_page", "comments.order", "comments.close_after_days",
        "comments.truncate_ips",
    ]

    private func page(
        values: [String: String], user: SignedInUser, errors: ValidationErrors = ValidationErrors(),
        notice: String? = nil
    ) -> SettingsPage {
        func field(
            _ name: String, _ label: String, hint: String? = nil, kind: Kind = .text, options: [(String, String)] = []
        ) -> SettingFieldModel {
            let value = values[name] ?? ""
            let id = name.replacingOccurrences(of: ".", with: "-")
            let error = errors.message(for: name)
            let described = [hint.map { _ in id + "-hint" }, error.map { _ in id + "-error" }].compactMap { $0 }
            return SettingFieldModel(
                id: id, name: name, label: label, hint: hint, value: value, error: error,
                describedBy: described.isEmpty ? nil : described.joined(separator: " "), isText: kind == .text,
                isNumber: kind == .number,
                isLongText: kind == .longText, isChoice: kind == .choice,
                options: options.map { OptionModel(value: $0.0, label: $0.1, selected: $0.0 == value) })
        }
        let zones = TimeZone.knownTimeZoneIdentifiers.sorted().map { ($0, $0.replacingOccurrences(of: "_", with: " ")) }
        let site = SettingsGroupModel(
            title: "Site",
            fields: [
                field("site.title", "Site name"), field("site.tagline", "Tagline"),
                field(
                    "site.language", "Language",
                    hint: "A code such as en, fr or pt-BR, for browsers and screen readers."),
                field(
                    "site.time_zone", "Time zone", hint: "Dates, archives and scheduling follow it.", kind: .choice,
                    options: zones),
                field("site.per_page", "Articles per page", kind: .number),
                field(
                    "site.feeds_private", "Feeds and imported media from private addresses", kind: .choice,
                    options: [
                        ("off", "Refused: only the public internet (recommended)"),
                        ("on", "Allowed: this machine and private networks too"),
                    ]),
                field(
                    "site.webhooks_private", "Webhooks to private addresses", kind: .choice,
                    options: [
                        ("off", "Refused: only the public internet (recommended)"),
                        ("on", "Allowed: this machine and private networks too"),
                    ]),
                field(
                    "site.two_factor", "Two-step sign-in required for",
                    hint: "People in these roles set up an authenticator app before they can use the newsroom.",
                    kind: .choice,
                    options: [
                        ("off", "Nobody (anyone may turn it on)"),
                        ("admin", "Admins"),
                        ("editor", "Editors and admins"),
                        ("author", "Authors, editors and admins"),
                        ("contributor", "Everyone in the newsroom"),
                    ]),
                field(
                    "site.digest", "Email digest for readers",
                    hint: "The latest articles at 07:00 in the site's time zone, to readers who choose it.",
                    kind: .choice,
                    options: [("off", "None"), ("daily", "Every day"), ("weekly", "Every Monday")]),
            ])
        let comments = SettingsGroupModel(
            title: "Comments",
            fields: [
                field(
                    "comments.policy", "Who is published at once", kind: .choice,
                    options: [
                        ("hold-all", "Nobody: every comment waits for a moderator"),
                        ("approve-known", "People with an approved comment already"),
                        ("approve-all", "Everyone not caught by the spam checks"),
                    ]),
                field("comments.max_links", "Hold comments with more links than", kind: .number),
                field(
                    "comments.moderation_words", "Hold comments containing", hint: "Words or phrases, one per line.",
                    kind: .longText),
                field(
                    "comments.block_list", "Mark as spam comments from or containing",
                    hint: "Words, emails, IP addresses or ranges such as 203.0.113.0/24, one per line.", kind: .longText
                ),
                field("comments.thread_depth", "Reply nesting depth (1 to 10)", kind: .number),
                field("comments.per_page", "Top-level comments per page", kind: .number),
                field(
                    "comments.order", "Order", kind: .choice,
                    options: [("oldest-first", "Oldest first"), ("newest-first", "Newest first")]),
                field(
                    "comments.close_after_days", "Close comments on articles older than (days)",
                    hint: "0 keeps them open.", kind: .number),
                field(
                    "comments.truncate_ips", "Store commenters' IP addresses", kind: .choice,
                    options: [("off", "In full"), ("on", "Shortened to /24 or /48, for privacy")]),
            ])
        return SettingsPage(
            chrome: renderer.chrome(title: "Settings", user: user, current: "settings", notice: notice),
            generalError: errors.isEmpty ? nil : "Nothing was saved: see the messages below.", groups: [site, comments])
    }

    private enum Kind { case text, number, longText, choice }
}
