/// Everyone in the newsroom, active first.
struct PeopleListPage: Sendable {
    let chrome: AdminChrome
    let rows: [PersonRow]
}

struct PersonRow: Sendable {
    let name: String
    let editURL: String
    let email: String
    let role: String
    let state: String
    let articleCount: Int
}

/// Adding a person, editing someone, or one's own profile: the same fields, with role and access for admins.
struct PersonFormPage: Sendable {
    let chrome: AdminChrome
    let heading: String
    let action: String
    let generalError: String?
    let fields: [String: EditorField]
    let roleOptions: [OptionModel]?
    /// The access choice (active or deactivated), for admins editing someone.
    let access: AccessModel?
    /// A one-time link just made, shown once and never put in a URL or a log.
    let newLink: String?
    let linkAction: String?
    let linkLabel: String?
    let publicURL: String?
    /// Mustache sections repeat over arrays, so the role block is switched by a flag.
    let showsRole: Bool
}

struct AccessModel: Sendable {
    let active: Bool
    let error: String?
    let state: String
}

/// Changing one's own password: the current one, then the new one.
struct PasswordPage: Sendable {
    let chrome: AdminChrome
    let generalError: String?
    let current: AdminField
    let new: AdminField
}
