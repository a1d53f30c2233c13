/// How far the HTML in a piece of text may be trusted. It is decided by who wrote the text, never by who saves,
/// publishes, restores or previews it later: the trust travels with the HTML.
///
/// No level lets script through. `trusted` text (written in the newsroom by an editor or an admin, or brought in
/// by an import the operator vouched for) may also embed players and posts from the providers `EmbedProviders`
/// lists; `untrusted` text (a contributor's or an author's, a feed's, an import's) keeps only plain article
/// elements.
public enum HTMLTrust: Int, Sendable, Equatable, Comparable, CaseIterable {
    case untrusted = 0
    case trusted = 1

    /// The trust of text that mixes both: the lower one. An editor who saves a contributor's text does not
    /// raise it.
    public func meet(_ other: HTMLTrust) -> HTMLTrust {
        min(self, other)
    }

    public static func < (lhs: HTMLTrust, rhs: HTMLTrust) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
