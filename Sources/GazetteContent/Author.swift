/// A person who writes for the site. The email is private: it is never shown on a public page.
public struct Author: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var slug: Slug
    public var bio: String
    public var email: String
    public var role: Role
    /// A portrait's address (https://… or an upload under /media/), or empty.
    public var avatarURL: String

    public init(
        id: Int64, name: String, slug: Slug, bio: String, email: String, role: Role, avatarURL: String = ""
    ) {
        self.id = id
        self.name = name
        self.slug = slug
        self.bio = bio
        self.email = email
        self.role = role
        self.avatarURL = avatarURL
    }
}

/// What it takes to add an author; `validated()` checks it before anything is stored.
public struct NewAuthor: Sendable, Equatable {
    public var name: String
    public var email: String
    public var role: Role
    public var bio: String
    public var slug: String?

    public init(name: String, email: String, role: Role, bio: String = "", slug: String? = nil) {
        self.name = name
        self.email = email
        self.role = role
        self.bio = bio
        self.slug = slug
    }

    /// Checks every field and returns the author with a trimmed name, a lower-cased email and a slug.
    public func validated() throws(ValidationErrors) -> NewAuthor {
        var errors = ValidationErrors()
        var result = self
        result.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        result.email = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        result.bio = bio.trimmingCharacters(in: .whitespacesAndNewlines)
        if result.name.isEmpty {
            errors.add("name", "Please give the author's name.")
        } else if result.name.count > Limits.nameLength {
            errors.add("name", "The name is too long: at most \(Limits.nameLength) characters.")
        }
        if !EmailAddress.isPlausible(result.email) {
            errors.add("email", "“\(email)” does not look like an email address (for example jane@example.com).")
        }
        if result.bio.count > Limits.bioLength {
            errors.add("bio", "The bio is too long: at most \(Limits.bioLength) characters.")
        }
        if let given = slug, !given.isEmpty {
            if let parsed = Slug(validating: given) {
                result.slug = parsed.value
            } else {
                errors.add("slug", Slug.rulesMessage)
            }
        } else {
            result.slug = Slug(from: result.name, fallback: "author").value
        }
        try errors.throwIfAny()
        return result
    }
}
