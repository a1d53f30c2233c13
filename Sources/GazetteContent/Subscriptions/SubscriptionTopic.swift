/// What a reader follows by email: the whole site's newsletter, a section, a tag or an author's articles,
/// or the comments on one article. Stored as text: `site`, `category:world`, `tag:budget`, `author:ana`,
/// `thread:42`.
public enum SubscriptionTopic: Sendable, Hashable, Comparable {
    case site
    /// The digest of the latest articles, when the site sends one.
    case digest
    case category(Slug)
    case tag(Slug)
    case author(Slug)
    case thread(articleID: Int64)

    public var rawValue: String {
        switch self {
        case .site: "site"
        case .digest: "digest"
        case .category(let slug): "category:\(slug.value)"
        case .tag(let slug): "tag:\(slug.value)"
        case .author(let slug): "author:\(slug.value)"
        case .thread(let id): "thread:\(id)"
        }
    }

    public init?(rawValue: String) {
        if rawValue == "site" || rawValue == "digest" {
            self = rawValue == "site" ? .site : .digest
            return
        }
        guard let colon = rawValue.firstIndex(of: ":") else { return nil }
        let kind = rawValue[..<colon]
        let rest = String(rawValue[rawValue.index(after: colon)...])
        switch kind {
        case "thread":
            guard let id = Int64(rest), id > 0 else { return nil }
            self = .thread(articleID: id)
        case "category", "tag", "author":
            guard let slug = Slug(validating: rest) else { return nil }
            self = kind == "category" ? .category(slug) : kind == "tag" ? .tag(slug) : .author(slug)
        default: return nil
        }
    }

    /// Newsletter topics (not a discussion).
    public var isNewsletter: Bool {
        if case .thread = self { return false }
        return true
    }

    public static func < (a: SubscriptionTopic, b: SubscriptionTopic) -> Bool { a.rawValue < b.rawValue }
}

/// How far a reader's address has come: usable, or stopped for good by the reader or their mail server.
public enum SubscriberStatus: String, Sendable, CaseIterable {
    /// Mail may go to the topics they confirmed.
    case active
    /// They left every list; kept so an import does not sign them up again.
    case unsubscribed
    /// Their mail server refused the address for good.
    case bounced
}

/// What an unsubscribe link stops: one topic, every newsletter (a newsletter's link, since it reached the
/// reader through one or more of their newsletter topics), or everything.
public enum UnsubscribeScope: Sendable, Equatable {
    case topic(SubscriptionTopic)
    case newsletters
    case everything

    /// The `topic` query value: a topic, `newsletters`, or none for everything.
    public var queryValue: String? {
        switch self {
        case .topic(let topic): topic.rawValue
        case .newsletters: "newsletters"
        case .everything: nil
        }
    }

    /// Reads the `topic` query value; nil when it names nothing known.
    public init?(queryValue: String?) {
        guard let queryValue else {
            self = .everything
            return
        }
        if queryValue == "newsletters" {
            self = .newsletters
        } else if let topic = SubscriptionTopic(rawValue: queryValue) {
            self = .topic(topic)
        } else {
            return nil
        }
    }
}
