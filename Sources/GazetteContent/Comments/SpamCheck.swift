import Foundation

/// What the comment endpoint observed about a submission, beyond its fields.
public struct SubmissionSignals: Sendable, Equatable {
    /// The hidden field that people never see was filled in.
    public var honeypotFilled: Bool
    /// Seconds between rendering the form and posting it; nil when the signed timestamp is missing or forged.
    public var secondsSinceFormShown: Double?
    /// The same name and email already have an approved comment.
    public var authorIsKnown: Bool
    public var ip: String

    public init(honeypotFilled: Bool, secondsSinceFormShown: Double?, authorIsKnown: Bool, ip: String) {
        self.honeypotFilled = honeypotFilled
        self.secondsSinceFormShown = secondsSinceFormShown
        self.authorIsKnown = authorIsKnown
        self.ip = ip
    }
}

/// The verdict on a new comment: its status, a score and the reasons, so a moderator sees why.
public struct ModerationDecision: Sendable, Equatable {
    public var status: ModerationStatus
    public var score: Int
    public var reasons: [String]

    public init(status: ModerationStatus, score: Int, reasons: [String]) {
        self.status = status
        self.score = score
        self.reasons = reasons
    }
}

/// Scores a comment against the site's rules. Pure: the same input always gives the same verdict.
public enum SpamCheck {
    /// A score at or above this marks spam.
    public static let spamThreshold = 5

    public static func decide(
        _ comment: ValidComment, signals: SubmissionSignals, settings: CommentSettings
    )
        -> ModerationDecision
    {
        var score = 0
        var reasons: [String] = []
        var holds = false
        func flag(_ points: Int, _ reason: String) {
            score += points
            reasons.append(reason)
        }
        if signals.honeypotFilled {
            flag(10, "The hidden anti-spam field was filled in.")
        }
        if let seconds = signals.secondsSinceFormShown {
            if seconds < Double(settings.minimumSecondsToPost) {
                flag(
                    6, "Posted \(Int(seconds)) s after the form was shown (minimum \(settings.minimumSecondsToPost) s)."
                )
            }
        } else {
            flag(6, "The form's signed timestamp was missing or altered.")
        }
        let fields = [comment.authorName, comment.authorEmail, comment.authorURL, comment.body].map { $0.lowercased() }
        let address = IPAddress(signals.ip)
        for entry in settings.blockList {
            if let address, IPAddress(entry.split(separator: "/").first.map(String.init) ?? "") != nil {
                if address.isIn(range: entry) { flag(10, "The IP address is in the block list entry “\(entry)”.") }
            } else if fields.contains(where: { $0.contains(entry) }) {
                flag(10, "Matches the block list entry “\(entry)”.")
            }
        }
        let links = linkCount(in: comment.body)
        if links > settings.maxLinks {
            flag(2, "Has \(links) links (more than \(settings.maxLinks)).")
            holds = true
        }
        for word in settings.moderationWords where fields.contains(where: { $0.contains(word) }) {
            flag(2, "Contains the moderation word “\(word)”.")
            holds = true
        }
        if score >= spamThreshold {
            return ModerationDecision(status: .spam, score: score, reasons: reasons)
        }
        switch settings.policy {
        case .holdAll:
            reasons.append("Every comment is held for moderation.")
            holds = true
        case .approveKnown where !signals.authorIsKnown:
            reasons.append("First comment from this name and email.")
            holds = true
        case .approveKnown, .approveAll:
            break
        }
        return ModerationDecision(status: holds ? .pending : .approved, score: score, reasons: reasons)
    }

    /// Web addresses in plain text: `http://`, `https://` and `www.` starts.
    public static func linkCount(in text: String) -> Int {
        let lower = text.lowercased()
        return lower.ranges(of: "http://").count + lower.ranges(of: "https://").count
            + lower.ranges(of: /(^|[^\/\w.])www\./).count
    }
}
