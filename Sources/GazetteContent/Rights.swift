/// What a role allows in the newsroom, as WordPress newsrooms know it.
public enum Right: String, Sendable, CaseIterable {
    case writeDrafts
    case publishOwn
    case uploadMedia
    case editAnyArticle
    case manageTags
    case moderateComments
    case manageUsers
    case manageSettings
}

extension Role {
    /// True when this role carries the right; each role has every right of the roles below it.
    public func can(_ right: Right) -> Bool {
        switch right {
        case .writeDrafts: true
        case .publishOwn, .uploadMedia: self != .contributor
        case .editAnyArticle, .manageTags, .moderateComments: self == .editor || self == .admin
        case .manageUsers, .manageSettings: self == .admin
        }
    }
}

extension Role {
    /// How far HTML this role writes is trusted: editors and admins may embed players (`EmbedProviders`), as
    /// WordPress leaves unfiltered HTML to them; nobody's HTML keeps script.
    public var htmlTrust: HTMLTrust {
        can(.editAnyArticle) ? .trusted : .untrusted
    }

    /// The statuses this role may give an article: contributors write drafts and submit them for review.
    public var allowedArticleStatuses: [ArticleStatus] {
        can(.publishOwn) ? ArticleStatus.allCases : [.draft, .pending]
    }

    /// Whether an article in this status may still be changed: contributors' work goes through review, so
    /// once it is published or scheduled only people who may publish change it.
    public func mayRevise(_ status: ArticleStatus) -> Bool {
        can(.publishOwn) || (status != .published && status != .scheduled)
    }
}

/// The rules for a newsroom password, in words a person understands.
public enum PasswordRules {
    public static let minimumLength = 10
    /// bcrypt reads at most 72 bytes; a longer password would silently lose its end.
    public static let maximumBytes = 72

    public static func problem(with password: String) -> String? {
        if password.count < minimumLength {
            return "Choose a password of at least \(minimumLength) characters."
        }
        if password.utf8.count > maximumBytes {
            return "Choose a password of at most \(maximumBytes) bytes (about \(maximumBytes) Latin letters)."
        }
        return nil
    }
}
