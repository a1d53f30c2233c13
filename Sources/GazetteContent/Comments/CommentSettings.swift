/// The comment rules a publisher can change, with WordPress-like defaults.
///
/// Stored as named settings (`comments.policy`, `comments.max_links`…); `init(values:)` reads them and
/// `values` writes them back, so the command line and the admin share one definition.
public struct CommentSettings: Sendable, Equatable {
    public enum Policy: String, Sendable, CaseIterable {
        /// Every comment waits for a moderator.
        case holdAll = "hold-all"
        /// A comment is approved when the same name and email already have an approved comment.
        case approveKnown = "approve-known"
        /// Every comment that passes the spam checks is approved.
        case approveAll = "approve-all"
    }

    public var policy = Policy.approveKnown
    /// More links than this holds a comment for moderation.
    public var maxLinks = 2
    /// Words that hold a comment for moderation when found in any field.
    public var moderationWords: [String] = []
    /// Words, emails, IP addresses and ranges (`203.0.113.0/24`) that mark a comment as spam.
    public var blockList: [String] = []
    public var threadDepth = 5
    public var perPage = 50
    public var newestFirst = false
    /// Comments close on articles older than this many days; 0 keeps them open.
    public var closeAfterDays = 0
    /// Spam and trash older than this many days are deleted for good.
    public var purgeAfterDays = 30
    /// Faster than this between showing the form and posting it is a bot's speed.
    public var minimumSecondsToPost = 3
    /// The least time between two comments from one IP address; 0 turns flood control off.
    public var floodSeconds = 15
    /// Store IP addresses cut to /24 (IPv4) or /48 (IPv6) instead of whole.
    public var truncatesIPs = false

    public init() {}

    /// Every setting's stored name, with a short explanation for `gazette settings list`.
    public static let names: [(name: String, help: String)] = [
        ("comments.policy", "hold-all, approve-known or approve-all"),
        ("comments.max_links", "more links than this holds a comment"),
        ("comments.moderation_words", "comma-separated words that hold a comment"),
        ("comments.block_list", "comma-separated words, emails, IPs and ranges that mark spam"),
        ("comments.thread_depth", "how deeply replies nest, 1 to 10"),
        ("comments.per_page", "top-level comments per page"),
        ("comments.order", "oldest-first or newest-first"),
        ("comments.close_after_days", "close comments on older articles; 0 keeps them open"),
        ("comments.purge_after_days", "delete spam and trash after this many days"),
        ("comments.minimum_seconds", "least seconds between showing the form and posting"),
        ("comments.flood_seconds", "least seconds between comments from one IP; 0 is off"),
        ("comments.truncate_ips", "on or off: store IPs cut to /24 or /48"),
    ]

    /// Reads stored values over the defaults; a bad value is reported with its name.
    public init(values: [String: String]) throws(ValidationErrors) {
        var errors = ValidationErrors()
        func integer(_ name: String, _ range: ClosedRange<Int>, _ apply: (Int) -> Void) {
            guard let text = values[name] else { return }
            if let number = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(number) {
                apply(number)
            } else {
                errors.add(name, "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound).")
            }
        }
        func list(_ name: String) -> [String]? {
            values[name].map { text in
                text.split(whereSeparator: { $0 == "," || $0 == "\n" })
                    .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
            }
        }
        if let text = values["comments.policy"] {
            if let policy = Policy(rawValue: text) {
                self.policy = policy
            } else {
                errors.add("comments.policy", "comments.policy must be hold-all, approve-known or approve-all.")
            }
        }
        integer("comments.max_links", 0...100) { maxLinks = $0 }
        integer("comments.thread_depth", 1...10) { threadDepth = $0 }
        integer("comments.per_page", 1...500) { perPage = $0 }
        integer("comments.close_after_days", 0...36_500) { closeAfterDays = $0 }
        integer("comments.purge_after_days", 1...36_500) { purgeAfterDays = $0 }
        integer("comments.minimum_seconds", 0...3_600) { minimumSecondsToPost = $0 }
        integer("comments.flood_seconds", 0...3_600) { floodSeconds = $0 }
        if let words = list("comments.moderation_words") { moderationWords = words }
        if let entries = list("comments.block_list") { blockList = entries }
        if let order = values["comments.order"] {
            switch order {
            case "oldest-first": newestFirst = false
            case "newest-first": newestFirst = true
            default: errors.add("comments.order", "comments.order must be oldest-first or newest-first.")
            }
        }
        if let text = values["comments.truncate_ips"] {
            switch text {
            case "on", "true", "yes": truncatesIPs = true
            case "off", "false", "no": truncatesIPs = false
            default: errors.add("comments.truncate_ips", "comments.truncate_ips must be on or off.")
            }
        }
        try errors.throwIfAny()
    }

    /// The settings as stored values.
    public var values: [String: String] {
        [
            "comments.policy": policy.rawValue, "comments.max_links": String(maxLinks),
            "comments.moderation_words": moderationWords.joined(separator: ", "),
            "comments.block_list": blockList.joined(separator: ", "),
            "comments.thread_depth": String(threadDepth), "comments.per_page": String(perPage),
            "comments.order": newestFirst ? "newest-first" : "oldest-first",
            "comments.close_after_days": String(closeAfterDays), "comments.purge_after_days": String(purgeAfterDays),
            "comments.minimum_seconds": String(minimumSecondsToPost), "comments.flood_seconds": String(floodSeconds),
            "comments.truncate_ips": truncatesIPs ? "on" : "off",
        ]
    }
}
