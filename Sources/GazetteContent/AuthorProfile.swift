import Foundation

/// What a person may change about themselves, and an admin about anyone: the public profile and the email.
public struct AuthorProfile: Sendable, Equatable {
    public var name: String
    public var slug: Slug
    public var bio: String
    public var avatarURL: String
    public var email: String

    /// Checks the fields as typed; an empty slug is made from the name.
    public static func validated(
        name: String, slug: String, bio: String, avatarURL: String, email: String
    ) throws(ValidationErrors) -> AuthorProfile {
        var errors = ValidationErrors()
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let bio = bio.trimmingCharacters(in: .whitespacesAndNewlines)
        let avatarURL = avatarURL.trimmingCharacters(in: .whitespaces)
        let email = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if name.isEmpty {
            errors.add("name", "Please give the name readers will see in bylines.")
        } else if name.count > Limits.nameLength {
            errors.add("name", "The name is too long: at most \(Limits.nameLength) characters.")
        }
        var parsedSlug = Slug(from: name, fallback: "author")
        let typedSlug = slug.trimmingCharacters(in: .whitespaces)
        if !typedSlug.isEmpty {
            if let parsed = Slug(validating: typedSlug) {
                parsedSlug = parsed
            } else {
                errors.add("slug", Slug.rulesMessage)
            }
        }
        if bio.count > Limits.bioLength {
            errors.add("bio", "The bio is too long: at most \(Limits.bioLength) characters.")
        }
        if !avatarURL.isEmpty && !WebAddress.isHTTP(avatarURL) && !Self.isLocalMedia(avatarURL) {
            errors.add(
                "avatar_url", "The portrait's address should start with https:// (or be an upload under /media/).")
        }
        if !EmailAddress.isPlausible(email) {
            errors.add("email", "“\(email)” does not look like an email address (for example jane@example.com).")
        }
        try errors.throwIfAny()
        return AuthorProfile(name: name, slug: parsedSlug, bio: bio, avatarURL: avatarURL, email: email)
    }

    static func isLocalMedia(_ address: String) -> Bool {
        address.hasPrefix("/media/") && !address.contains("..") && address.count <= Limits.urlLength
            && !address.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" })
    }
}
