/// Adding a person, editing someone, or one's own profile: the same fields, with role and access for admins.
package struct PersonFormPage: AdminPage {
    package static let template = "person"

    package let chrome: AdminChrome
    package let heading: String
    package let action: String
    package let generalError: String?
    package let fields: [String: EditorField]
    package let roleOptions: [OptionModel]?
    /// The access choice (active or deactivated), for admins editing someone.
    package let access: AccessModel?
    /// A one-time link just made, shown once and never put in a URL or a log.
    package let newLink: String?
    package let linkAction: String?
    package let linkLabel: String?
    package let publicURL: String?
    /// Mustache sections repeat over arrays, so the role block is switched by a flag.
    package let showsRole: Bool
    /// The portrait there now, shown beside the upload field; nil when there is none (or no field).
    package var portraitURL: String? = nil
    /// Why an uploaded portrait was refused.
    package var portraitError: String? = nil
}

package struct AccessModel: Sendable {
    package let active: Bool
    package let error: String?
    package let state: String
}
