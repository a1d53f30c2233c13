import Foundation

/// What an Admin API token may be used for. A token never does more than its person's role allows: each
/// scope needs a right (`Right`), checked on every call, so a token outlives no demotion.
public enum APIScope: String, Sendable, CaseIterable, Codable {
    /// Read articles in any status, as the newsroom's list shows them.
    case articlesRead = "articles:read"
    /// Create and change articles; publishing still needs a role that publishes.
    case articlesWrite = "articles:write"
    /// Upload images to the media library.
    case mediaWrite = "media:write"
    /// List comments of every status and moderate them.
    case commentsModerate = "comments:moderate"
    /// List the newsroom's people.
    case peopleRead = "people:read"

    /// The right the token's person needs for the scope to work.
    public var right: Right {
        switch self {
        case .articlesRead, .articlesWrite: .writeDrafts
        case .mediaWrite: .uploadMedia
        case .commentsModerate: .moderateComments
        case .peopleRead: .writeDrafts
        }
    }

    /// Scopes from a comma- or space-separated list; throws naming the first one that is not a scope.
    public static func parse(_ text: String) throws(ValidationErrors) -> [APIScope] {
        let names = text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        var scopes: [APIScope] = []
        for name in names {
            guard let scope = APIScope(rawValue: name) else {
                var errors = ValidationErrors()
                errors.add(
                    "scopes",
                    "“\(name)” is not a scope. Scopes: \(APIScope.allCases.map(\.rawValue).joined(separator: ", ")).")
                throw errors
            }
            if !scopes.contains(scope) { scopes.append(scope) }
        }
        guard !scopes.isEmpty else {
            var errors = ValidationErrors()
            errors.add("scopes", "Give the token at least one scope, such as articles:read.")
            throw errors
        }
        return scopes
    }
}

/// An Admin API token as the newsroom lists it: never the token itself.
public struct APIToken: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var authorID: Int64
    public var authorName: String
    public var scopes: [APIScope]
    /// The token's last characters.
    public var hint: String
    public var createdAt: Date
    public var lastUsedAt: Date?
    public var revokedAt: Date?

    public init(
        id: Int64, name: String, authorID: Int64, authorName: String, scopes: [APIScope], hint: String,
        createdAt: Date, lastUsedAt: Date?, revokedAt: Date?
    ) {
        self.id = id
        self.name = name
        self.authorID = authorID
        self.authorName = authorName
        self.scopes = scopes
        self.hint = hint
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }
}
