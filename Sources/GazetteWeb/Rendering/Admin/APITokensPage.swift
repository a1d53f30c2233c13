/// "API tokens" in someone's profile: their tokens (everyone's for admins), a form to make one, and the
/// new token, shown once.
package struct APITokensPage: AdminPage {
    package static let template = "api-tokens"

    package let chrome: AdminChrome
    package let rows: [APITokenRow]
    package let isEmpty: Bool
    /// Admins see whose each token is.
    package let showsOwner: Bool
    package let name: String
    package let scopes: [APIScopeOption]
    package let nameError: String?
    package let scopesError: String?
    /// The token just made: shown this once, never again.
    package let newToken: String?
    package let referenceURL: String
}

package struct APITokenRow: Sendable {
    package let name: String
    package let owner: String
    package let scopes: String
    package let hint: String
    package let created: String
    package let lastUsed: String
    package let isRevoked: Bool
    package let revoked: String
    package let revokeAction: String
}

package struct APIScopeOption: Sendable {
    package let value: String
    package let label: String
    package let checked: Bool
}
