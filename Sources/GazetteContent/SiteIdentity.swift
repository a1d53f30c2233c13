import Foundation

/// Who the site is and how it shows its articles: set at start-up by configuration, changed later in the
/// newsroom's settings (stored values win over the configuration's).
public struct SiteIdentity: Sendable, Equatable {
    public var title: String
    public var tagline: String
    /// A BCP 47 tag for `<html lang>`, such as `en`, `fr-CA`.
    public var language: String
    public var timeZone: TimeZone
    public var articlesPerPage: Int
    /// Whether feeds and imported media may be fetched from this machine, private networks and link-local
    /// addresses (cloud metadata services among them). Off unless the site's feeds live on its own network.
    public var feedsFromPrivateAddresses: Bool
    /// The least role that must sign in with a code as well as a password (that role and every role above it);
    /// nil when nobody is required to, though anyone may.
    public var twoFactorFrom: Role?
    /// A digest of the latest articles by email, and how often; `off` offers none.
    public var digest: DigestSchedule = .off
    /// Whether webhooks may be delivered to this machine, private networks and link-local addresses. Off
    /// unless the receivers live on the site's own network (or in tests).
    public var webhooksToPrivateAddresses = false

    public init(
        title: String, tagline: String, language: String, timeZone: TimeZone, articlesPerPage: Int,
        feedsFromPrivateAddresses: Bool = false, twoFactorFrom: Role? = nil
    ) {
        self.title = title
        self.tagline = tagline
        self.language = language
        self.timeZone = timeZone
        self.articlesPerPage = articlesPerPage
        self.feedsFromPrivateAddresses = feedsFromPrivateAddresses
        self.twoFactorFrom = twoFactorFrom
    }

    /// Whether people in `role` must use two-step sign-in.
    public func requiresTwoFactor(_ role: Role) -> Bool {
        guard let least = twoFactorFrom else { return false }
        return role.rank >= least.rank
    }

    public static let names: [(name: String, help: String)] = [
        ("site.title", "the site's name, in every page's title and header"),
        ("site.tagline", "a line under the name"),
        ("site.language", "the language of the articles, such as en or fr-CA"),
        ("site.time_zone", "where the newsroom is, such as Europe/Paris; dates and archives follow it"),
        ("site.per_page", "articles on the front page and each archive page, 1 to 100"),
        ("site.feeds_private", "on lets feeds and imported media come from this machine or a private network"),
        (
            "site.two_factor",
            "who must sign in with an authenticator code: off, admin, editor, author or contributor (that role and up)"
        ),
        ("site.digest", "a digest of the latest articles by email to readers who ask: off, daily or weekly"),
        ("site.webhooks_private", "on lets webhooks go to this machine or a private network"),
    ]

    /// Stored values over `defaults`; each bad value is reported under its name.
    public init(values: [String: String], defaults: SiteIdentity) throws(ValidationErrors) {
        self = defaults
        var errors = ValidationErrors()
        if let text = values["site.title"]?.trimmingCharacters(in: .whitespacesAndNewlines) {
            if text.isEmpty || text.count > Limits.nameLength {
                errors.add("site.title", "The site needs a name of at most \(Limits.nameLength) characters.")
            } else {
                title = text
            }
        }
        if let text = values["site.tagline"]?.trimmingCharacters(in: .whitespacesAndNewlines) {
            if text.count > Limits.dekLength {
                errors.add("site.tagline", "The tagline is too long: at most \(Limits.dekLength) characters.")
            } else {
                tagline = text
            }
        }
        if let text = values["site.language"]?.trimmingCharacters(in: .whitespaces) {
            if Self.isLanguageTag(text) {
                language = text
            } else {
                errors.add("site.language", "Write the language as a code such as en, de or pt-BR.")
            }
        }
        if let text = values["site.time_zone"]?.trimmingCharacters(in: .whitespaces) {
            if let zone = TimeZone(identifier: text), !text.isEmpty {
                timeZone = zone
            } else {
                errors.add("site.time_zone", "“\(text)” is not a known time zone; use a name such as Europe/Paris.")
            }
        }
        if let text = values["site.per_page"]?.trimmingCharacters(in: .whitespaces) {
            if let number = Int(text), (1...100).contains(number) {
                articlesPerPage = number
            } else {
                errors.add("site.per_page", "Articles per page must be a whole number from 1 to 100.")
            }
        }
        if let text = values["site.feeds_private"]?.trimmingCharacters(in: .whitespaces).lowercased() {
            switch text {
            case "on", "yes", "true": feedsFromPrivateAddresses = true
            case "off", "no", "false", "": feedsFromPrivateAddresses = false
            default: errors.add("site.feeds_private", "Write on or off.")
            }
        }
        if let text = values["site.webhooks_private"]?.trimmingCharacters(in: .whitespaces).lowercased() {
            switch text {
            case "on", "yes", "true": webhooksToPrivateAddresses = true
            case "off", "no", "false", "": webhooksToPrivateAddresses = false
            default: errors.add("site.webhooks_private", "Write on or off.")
            }
        }
        if let text = values["site.two_factor"]?.trimmingCharacters(in: .whitespaces).lowercased() {
            if text == "off" || text.isEmpty {
                twoFactorFrom = nil
            } else if let role = Role(rawValue: text) {
                twoFactorFrom = role
            } else {
                errors.add("site.two_factor", "Write off, admin, editor, author or contributor.")
            }
        }
        if let text = values["site.digest"]?.trimmingCharacters(in: .whitespaces).lowercased() {
            if let schedule = DigestSchedule(rawValue: text.isEmpty ? "off" : text) {
                digest = schedule
            } else {
                errors.add("site.digest", "Write off, daily or weekly.")
            }
        }
        try errors.throwIfAny()
    }

    /// The settings as stored values.
    public var values: [String: String] {
        [
            "site.title": title, "site.tagline": tagline, "site.language": language,
            "site.time_zone": timeZone.identifier, "site.per_page": String(articlesPerPage),
            "site.feeds_private": feedsFromPrivateAddresses ? "on" : "off",
            "site.two_factor": twoFactorFrom?.rawValue ?? "off", "site.digest": digest.rawValue,
            "site.webhooks_private": webhooksToPrivateAddresses ? "on" : "off",
        ]
    }

    /// Letters, then groups of letters or digits after hyphens: `en`, `en-GB`, `zh-Hant-TW`.
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}

/// How often the digest of the latest articles goes out: daily, or weekly on Mondays, in the morning of
/// the site's time zone.
public enum DigestSchedule: String, Sendable, CaseIterable {
    case off
    case daily
    case weekly
}
